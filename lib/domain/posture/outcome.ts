import type { Effective } from './effective';
import { formatValue } from './effective';
import type { CheckOutcome, CheckStatus } from './types';

/** An outcome judged from one effective field: the value as shown, its source, and the reason (plus how an absent value was resolved). */
export function judged(
  status: CheckStatus,
  eff: Effective,
  reason: string,
  value = formatValue(eff.value),
): CheckOutcome {
  return { status, value, source: eff.source, reason, ...(eff.note ? { note: eff.note } : {}) };
}

/** The field is absent and its default depends on file-vs-flags configuration: configz cannot decide. */
export function ambiguousOutcome(eff: Effective): CheckOutcome {
  return {
    status: 'unknown',
    value: 'not in this configz',
    source: 'default',
    reason: `${eff.note}. The kubelet's command line (is --config passed?) or a complete configz tells.`,
  };
}

/** A value of a type or shape the rule does not know (a newer kubelet, a vendor build): never guessed. */
export function unexpectedOutcome(eff: Effective, what: string): CheckOutcome {
  return {
    status: 'unknown',
    value: formatValue(eff.value),
    source: eff.source,
    reason: `unexpected value for ${what}: ${JSON.stringify(eff.value)}; not judged`,
  };
}

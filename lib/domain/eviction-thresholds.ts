import { parseGoDuration } from './durations';
import { EVICTION_SIGNALS, type EvictionSignal } from './signal-conditions';
import { type Quantity, formatQuantity, parseQuantity, toUnits } from './quantity';

/**
 * Eviction thresholds as the kubelet parses them (pkg/kubelet/eviction/helpers.go ParseThresholdConfig):
 * `evictionHard`/`evictionSoft` map a signal to "300Mi" or "10%", soft ones need a grace period from
 * `evictionSoftGracePeriod`, and `evictionMinimumReclaim` adds a reclaim target per signal.
 */

// The signals and the conditions they drive are in ./signal-conditions.ts : the node list loads only that part.
export type { EvictionSignal } from './signal-conditions';

const isEvictionSignal = (s: string): s is EvictionSignal => (EVICTION_SIGNALS as readonly string[]).includes(s);

export type ThresholdValue =
  | { kind: 'quantity'; quantity: Quantity; text: string }
  /** `percent` as written ("10%" → 10); the kubelet stores float32(percent)/100 */
  | { kind: 'percentage'; percent: number; text: string };

class EvictionThresholdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvictionThresholdError';
  }
}

/**
 * Parses one threshold value. Returns undefined for the values the kubelet ignores ("0%", "100%", "0"), which is
 * what a partially overridden evictionHard map leaves behind. Throws on values the kubelet would reject.
 */
export function parseThresholdValue(text: string): ThresholdValue | undefined {
  const t = text.trim();
  if (t.endsWith('%')) {
    if (t === '0%' || t === '100%') return undefined;
    const percent = Number(t.slice(0, -1));
    if (!Number.isFinite(percent) || percent < 0 || percent > 100)
      throw new EvictionThresholdError(`"${text}" is not a percentage between 0% and 100%`);
    return { kind: 'percentage', percent, text: t };
  }
  let quantity: Quantity;
  try {
    quantity = parseQuantity(t);
  } catch {
    throw new EvictionThresholdError(`"${text}" is neither a quantity nor a percentage`);
  }
  if (quantity.numerator < 0n) throw new EvictionThresholdError(`"${text}" must not be negative`);
  if (quantity.numerator === 0n) return undefined;
  return { kind: 'quantity', quantity, text: t };
}

/**
 * A threshold against a capacity, exactly as evictionapi.GetThresholdQuantity computes it:
 * `int64(float64(capacity) * float64(float32(percent)/100))`. The float32 step matters: 10% of 500684595200
 * bytes is 50068460266, not 50068459520. Quantities are taken as whole units (rounded up like Quantity.Value).
 */
export function resolveThreshold(value: ThresholdValue, capacity: bigint): bigint {
  if (value.kind === 'quantity') return toUnits(value.quantity);
  const fraction = Math.fround(Math.fround(value.percent) / 100);
  return BigInt(Math.trunc(Number(capacity) * fraction));
}

export interface Threshold {
  signal: EvictionSignal;
  hard: boolean;
  value: ThresholdValue;
  /** soft thresholds only: how long the signal must stay below before evicting (ns) */
  gracePeriodNs?: bigint;
  minReclaim?: ThresholdValue;
}

export interface EvictionSettings {
  evictionHard?: Record<string, string> | null;
  evictionSoft?: Record<string, string> | null;
  evictionSoftGracePeriod?: Record<string, string> | null;
  evictionMinimumReclaim?: Record<string, string> | null;
}

export interface ParsedThresholds {
  thresholds: Threshold[];
  /** problems the kubelet would refuse to start with, or keys it does not know */
  problems: string[];
}

/** All hard and soft thresholds of a config, in signal order; invalid entries go to `problems` instead of throwing. */
export function parseEvictionSettings(config: EvictionSettings): ParsedThresholds {
  const problems: string[] = [];
  const thresholds: Threshold[] = [];
  const read = (map: Record<string, string> | null | undefined, hard: boolean) => {
    for (const [signal, text] of Object.entries(map ?? {})) {
      const where = `${hard ? 'evictionHard' : 'evictionSoft'}[${signal}]`;
      if (!isEvictionSignal(signal)) {
        problems.push(`${where}: unknown eviction signal`);
        continue;
      }
      try {
        const value = parseThresholdValue(String(text));
        if (!value) continue;
        const t: Threshold = { signal, hard, value };
        if (!hard) {
          const grace = config.evictionSoftGracePeriod?.[signal];
          if (grace === undefined) problems.push(`${where}: no grace period in evictionSoftGracePeriod`);
          else t.gracePeriodNs = parseGoDuration(grace);
        }
        const reclaim = config.evictionMinimumReclaim?.[signal];
        if (reclaim !== undefined) {
          const r = parseThresholdValue(reclaim);
          if (r) t.minReclaim = r;
        }
        thresholds.push(t);
      } catch (err) {
        problems.push(`${where}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  read(config.evictionHard, true);
  read(config.evictionSoft, false);
  const order = (s: EvictionSignal) => EVICTION_SIGNALS.indexOf(s);
  thresholds.sort((a, b) => order(a.signal) - order(b.signal) || Number(b.hard) - Number(a.hard));
  return { thresholds, problems };
}

/** Display of a threshold: the written text, plus the resolved amount for percentages ("10% = 19.2 GiB"). */
export function describeThresholdValue(value: ThresholdValue): string {
  return value.kind === 'quantity' ? formatQuantity(value.quantity) : value.text;
}

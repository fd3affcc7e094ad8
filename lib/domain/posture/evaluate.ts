import { CHECKS } from './catalog';
import { resolveMinor } from './effective';
import type { CheckContext, CheckDefinition, CheckOutcome } from './types';

export interface NodeInput {
  /** the object inside configz's `kubeletconfig` */
  config: Record<string, unknown>;
  /** Node status.nodeInfo.kubeletVersion ("v1.33.2", "v1.30.13-eks-…"); undefined when unknown */
  kubeletVersion?: string;
  /** node-role.kubernetes.io/* roles */
  roles?: readonly string[];
}

export interface NodePosture {
  minor: number;
  minorSource: CheckContext['minorSource'];
  /** one outcome per check, in catalog order */
  results: Array<{ check: CheckDefinition; outcome: CheckOutcome }>;
  /**
   * Outcomes of the checks configz can decide. Host-file and flag-only checks are unknown on every node by
   * construction; counting them would bury real unknowns, so they are counted apart in `notInConfigz`.
   */
  counts: Record<CheckOutcome['status'], number>;
  notInConfigz: number;
}

/**
 * Runs every check on one node's effective configuration. Pure: the same configz and version always give the
 * same answer, which the node page (from its own configz query) and the fleet report (from lib/fleet's cache)
 * rely on to agree. A check that throws on a value it did not expect reports unknown instead of failing the node.
 */
export function evaluateNode(input: NodeInput, checks: readonly CheckDefinition[] = CHECKS): NodePosture {
  const ctx: CheckContext = {
    config: input.config,
    roles: input.roles ?? [],
    ...resolveMinor(input.kubeletVersion, input.config),
  };
  const counts = { pass: 0, fail: 0, unknown: 0, 'n/a': 0 };
  let notInConfigz = 0;
  const results = checks.map((check) => {
    let outcome: CheckOutcome;
    try {
      outcome = check.evaluate(ctx);
    } catch {
      outcome = {
        status: 'unknown',
        value: '',
        source: 'configz',
        reason: 'this configz could not be read for this check',
      };
    }
    if (check.decidable) counts[outcome.status]++;
    else notInConfigz++;
    return { check, outcome };
  });
  return { minor: ctx.minor, minorSource: ctx.minorSource, results, counts, notInConfigz };
}

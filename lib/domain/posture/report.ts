import { BENCHMARKS, CHECKS } from './catalog';
import type { NodePosture } from './evaluate';
import type { CheckDefinition, CheckStatus, Remediation, ValueSource } from './types';

/** One node of the fleet as the posture report sees it. */
export type NodeEvaluation =
  | { name: string; kubeletVersion: string; state: 'ok'; posture: NodePosture }
  /** its configz could not be read (unreachable, forbidden, malformed): no check is judged */
  | { name: string; kubeletVersion: string; state: 'unreadable'; reason: string; message: string }
  /** its configz is being read and has not arrived yet */
  | { name: string; kubeletVersion: string; state: 'pending' };

type StatusCounts = Record<CheckStatus, number>;

interface ValueGroup {
  status: CheckStatus;
  value: string;
  source: ValueSource;
  reason: string;
  note?: string;
  nodes: string[];
}

interface CheckReport {
  id: string;
  benchmark: CheckDefinition['benchmark'];
  title: string;
  level: CheckDefinition['level'];
  assessment: CheckDefinition['assessment'];
  fields: string[];
  flags: string[];
  rule: string;
  remediation: Remediation;
  related: string[];
  decidable: boolean;
  counts: StatusCounts;
  /** status per evaluated node (full and check views) */
  nodes?: Record<string, CheckStatus>;
  /** effective value per evaluated node (full and check views) */
  values?: Record<string, string>;
  /** nodes grouped by outcome, failing groups first, largest first (check view) */
  groups?: ValueGroup[];
}

export type PostureView = 'full' | 'summary' | 'nodes' | 'check';

export interface PostureReport {
  context: string;
  fetchedAt: string;
  benchmark: typeof BENCHMARKS;
  selector?: string;
  totals: { nodes: number; evaluated: number; unreadable: number; pending: number };
  checks: CheckReport[];
  /** node → why its configz could not be read ("Forbidden: …") */
  unreadable: Record<string, string>;
  /**
   * nodes whose configz read has not finished; ask again. Named in the full and nodes views only (the node list
   * marks each as "reading…"); the summary and check views carry the count in `totals.pending`: on a cold fleet
   * of 5,000 nodes the names were 139 of the summary's 157 KB, and the /posture HTML carries its first answer.
   */
  pending?: string[];
  /** per-node counts (nodes view): the node list's posture column */
  nodeCounts?: Record<string, StatusCounts>;
}

const emptyCounts = (): StatusCounts => ({ pass: 0, fail: 0, unknown: 0, 'n/a': 0 });
const STATUS_ORDER: Record<CheckStatus, number> = { fail: 0, unknown: 1, pass: 2, 'n/a': 3 };

function describe(check: CheckDefinition): Omit<CheckReport, 'counts'> {
  return {
    id: check.id,
    benchmark: check.benchmark,
    title: check.title,
    level: check.level,
    assessment: check.assessment,
    fields: [...check.fields],
    flags: [...check.flags],
    rule: check.rule,
    remediation: check.remediation,
    related: [...check.related],
    decidable: check.decidable,
  };
}

/**
 * The fleet report: per check, how many evaluated nodes pass, fail, are unknown or n/a; unreadable and pending
 * nodes are listed apart and never counted as passing. `view` trims it for the page that asks:
 * summary (counts only, the /posture page), nodes (per-node counts, the node list), check (one check with nodes
 * grouped by value, the drill-down), full (every status and value: the JSON export and the API contract).
 */
export function buildPostureReport(
  evaluations: readonly NodeEvaluation[],
  o: { view: PostureView; checkId?: string; selector?: string; context: string; fetchedAt: string },
): PostureReport {
  const ok = evaluations.filter((e): e is Extract<NodeEvaluation, { state: 'ok' }> => e.state === 'ok');
  const unreadable: Record<string, string> = {};
  const pending: string[] = [];
  for (const e of evaluations) {
    if (e.state === 'unreadable') unreadable[e.name] = `${e.reason}: ${e.message}`;
    else if (e.state === 'pending') pending.push(e.name);
  }
  const selected = o.view === 'check' ? CHECKS.filter((c) => c.id === o.checkId) : CHECKS;
  const withNodes = o.view === 'full' || o.view === 'check';
  const nodeCounts: Record<string, StatusCounts> | undefined = o.view === 'nodes' ? {} : undefined;
  if (nodeCounts) for (const e of ok) nodeCounts[e.name] = { ...e.posture.counts };

  const checks = selected.map((check) => {
    const index = CHECKS.indexOf(check);
    const counts = emptyCounts();
    const nodes: Record<string, CheckStatus> = {};
    const values: Record<string, string> = {};
    const groups = new Map<string, ValueGroup>();
    for (const e of ok) {
      const r = e.posture.results[index];
      if (!r) continue;
      const { status, value, source, reason, note } = r.outcome;
      counts[status]++;
      if (!withNodes) continue;
      nodes[e.name] = status;
      values[e.name] = value;
      if (o.view === 'check') {
        const key = `${status}\u0000${value}\u0000${reason}\u0000${note ?? ''}`;
        const g = groups.get(key);
        if (g) g.nodes.push(e.name);
        else groups.set(key, { status, value, source, reason, ...(note ? { note } : {}), nodes: [e.name] });
      }
    }
    const report: CheckReport = { ...describe(check), counts };
    if (withNodes) Object.assign(report, { nodes, values });
    if (o.view === 'check')
      report.groups = [...groups.values()].sort(
        (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.nodes.length - a.nodes.length,
      );
    return report;
  });

  return {
    context: o.context,
    fetchedAt: o.fetchedAt,
    benchmark: BENCHMARKS,
    ...(o.selector ? { selector: o.selector } : {}),
    totals: {
      nodes: evaluations.length,
      evaluated: ok.length,
      unreadable: Object.keys(unreadable).length,
      pending: pending.length,
    },
    checks,
    unreadable,
    ...(o.view === 'full' || o.view === 'nodes' ? { pending } : {}),
    ...(nodeCounts ? { nodeCounts } : {}),
  };
}

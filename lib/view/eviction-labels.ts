import type { FleetNodeResult, NodeStatsAggregate } from '@/lib/api/fleet';
import type { NodeRow } from '@/lib/api/nodes';
import { SIGNAL_CONDITION, type EvictionSignal } from '@/lib/domain/signal-conditions';

/** What each eviction signal measures, in the words of the kubelet docs (node-pressure eviction). */
const SIGNAL_LABEL: Record<EvictionSignal, string> = {
  'memory.available': 'memory',
  'allocatableMemory.available': 'pods memory',
  'nodefs.available': 'nodefs',
  'nodefs.inodesFree': 'nodefs inodes',
  'imagefs.available': 'imagefs',
  'imagefs.inodesFree': 'imagefs inodes',
  'containerfs.available': 'containerfs',
  'containerfs.inodesFree': 'containerfs inodes',
  'pid.available': 'PIDs',
};

const isSignal = (s: string): s is EvictionSignal => Object.hasOwn(SIGNAL_LABEL, s);

/**
 * Short visible name of a signal ("nodefs inodes" for nodefs.inodesFree); an unknown signal is shown as sent.
 * @internal exported for its unit tests
 */
export function signalLabel(signal: string): string {
  return isSignal(signal) ? SIGNAL_LABEL[signal] : signal;
}

/**
 * The node list's eviction headroom in words: "imagefs: 41.7 % above threshold", or, once the threshold is met,
 * "evicting · memory: 2.1 % below threshold". The percentage is (available − threshold) / capacity of that
 * signal, for the hard threshold closest to being met (lib/fleet/stats-cache.ts aggregateStats).
 */
export function describeHeadroom(h: NonNullable<NodeStatsAggregate['headroom']>): string {
  const label = signalLabel(h.signal);
  const pct = `${Math.abs(h.percent)} %`;
  return h.met ? `evicting · ${label}: ${pct} below threshold` : `${label}: ${pct} above threshold`;
}

/**
 * The headroom the Eviction column sorts by: percent above the closest hard threshold (negative once met), so
 * ascending puts the nodes about to evict first. Nodes without a measurement (pending, failed, no thresholds)
 * have none and sort last whatever the direction (sortNodes).
 */
function headroomPercent(result: FleetNodeResult | undefined): number | undefined {
  const outcome = result?.state === 'pending' ? result.last : result;
  return outcome?.state === 'ok' ? (outcome.stats?.headroom?.percent ?? undefined) : undefined;
}

/** headroomPercent of every measured node, for sortNodes' `headroom`. */
export function headroomByNode(results: ReadonlyMap<string, FleetNodeResult> | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, r] of results ?? []) {
    const p = headroomPercent(r);
    if (p !== undefined) out.set(name, p);
  }
  return out;
}

/**
 * Why a pressure condition is True, as far as the evidence on the row goes. The kubelet sets it while a hard or
 * soft threshold of one of its signals is met and keeps it for evictionPressureTransitionPeriod after
 * (pkg/kubelet/eviction/eviction_manager.go). The row knows only the hard threshold closest to being met: when that
 * one is met and belongs to this condition, it is named; otherwise which signal did it is unknown from here (the
 * node page shows every threshold).
 */
export function pressureCause(pressure: NodeRow['pressures'][number], result: FleetNodeResult | undefined): string {
  const outcome = result?.state === 'pending' ? result.last : result;
  const h = outcome?.state === 'ok' ? outcome.stats?.headroom : undefined;
  if (h?.met && isSignal(h.signal) && SIGNAL_CONDITION[h.signal] === pressure) {
    return `${signalLabel(h.signal)} below threshold`;
  }
  return 'signal unknown';
}

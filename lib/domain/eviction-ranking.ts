/**
 * Order in which the kubelet evicts pods under memory pressure (pkg/kubelet/eviction/helpers.go rankMemoryPressure):
 *   1. pods whose memory usage exceeds their requests (pods without stats first of all),
 *   2. then lower priority first,
 *   3. then larger usage above requests first.
 * Usage is the working set summed over the pod's containers, as the eviction manager reads it.
 * Docs: https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/#pod-selection-for-kubelet-eviction
 */

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

export interface PodMemoryFacts {
  namespace: string;
  name: string;
  qosClass: QosClass;
  /** spec.priority (0 when unset) */
  priority: number;
  /** summed container memory requests in bytes (0 when none) */
  memoryRequestBytes: bigint;
  /** working set in bytes; undefined when the Summary has no stats for the pod */
  workingSetBytes?: bigint;
}

export interface RankedPod extends PodMemoryFacts {
  rank: number;
  exceedsRequests: boolean;
  /** workingSet − requests (negative when under) */
  usageAboveRequestsBytes?: bigint;
}

/** Go's cmpBool: true sorts first. */
const cmpBool = (a: boolean, b: boolean): number => (a === b ? 0 : a ? -1 : 1);

function compare(p1: PodMemoryFacts, p2: PodMemoryFacts): number {
  const f1 = p1.workingSetBytes !== undefined;
  const f2 = p2.workingSetBytes !== undefined;
  // exceedMemoryRequests: missing stats first, then exceeding first
  if (!f1 || !f2) {
    const c = cmpBool(!f1, !f2);
    if (c !== 0) return c;
  } else {
    const c = cmpBool(p1.workingSetBytes! > p1.memoryRequestBytes, p2.workingSetBytes! > p2.memoryRequestBytes);
    if (c !== 0) return c;
  }
  // priority: lower first
  if (p1.priority !== p2.priority) return p1.priority < p2.priority ? -1 : 1;
  // memory: larger (usage − request) first
  if (f1 && f2) {
    const d1 = p1.workingSetBytes! - p1.memoryRequestBytes;
    const d2 = p2.workingSetBytes! - p2.memoryRequestBytes;
    if (d1 !== d2) return d1 > d2 ? -1 : 1;
  }
  return 0;
}

/** Pods in the order the kubelet would evict them for memory.available (stable for ties). */
export function rankForMemoryEviction(pods: readonly PodMemoryFacts[]): RankedPod[] {
  return pods
    .map((p, i) => ({ p, i }))
    .sort((a, b) => compare(a.p, b.p) || a.i - b.i)
    .map(({ p }, i) => ({
      ...p,
      rank: i + 1,
      exceedsRequests: p.workingSetBytes !== undefined && p.workingSetBytes > p.memoryRequestBytes,
      ...(p.workingSetBytes !== undefined ? { usageAboveRequestsBytes: p.workingSetBytes - p.memoryRequestBytes } : {}),
    }));
}

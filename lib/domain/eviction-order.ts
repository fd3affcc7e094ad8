import type { EvictionSignal } from './eviction-thresholds';
import type { QosClass } from './eviction-ranking';

/**
 * The order in which the kubelet's eviction manager would evict pods for one signal, as
 * pkg/kubelet/eviction/helpers.go builds it (buildSignalToRankFunc):
 * - memory.available, allocatableMemory.available → rankMemoryPressure: pods whose working set exceeds their
 *   memory request first, then lower priority, then the larger usage above the request;
 * - nodefs/imagefs/containerfs → rankDiskPressureFunc: pods whose local ephemeral storage use exceeds their
 *   request first, then lower priority, then the larger use above the request, measuring only the parts that live
 *   on that filesystem (container writable layers, logs, local volumes);
 * - pid.available → rankPIDPressure: lower priority first, then more processes.
 * Pods without stats sort first in every comparison (the kubelet's "evict the unknown first").
 *
 * The manager then walks that order and evicts the first pod it may: eviction_manager.go evictPod refuses
 * critical pods (kubelet types.IsCriticalPod: a static pod, its mirror pod, or priority ≥ 2000000000, the
 * system-cluster-critical/system-node-critical classes), so those are never victims whatever their rank.
 */

/** scheduling.SystemCriticalPriority (pkg/apis/scheduling/types.go): 2 × HighestUserDefinablePriority. */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;

type CriticalReason = 'mirror' | 'priority';

/** Per-pod local storage use from stats/summary, split by where it lives. */
export interface PodDiskUsage {
  /** containers' writable layers (rootfs.usedBytes / inodesUsed) */
  rootfsBytes: bigint;
  rootfsInodes: bigint;
  /** containers' logs */
  logsBytes: bigint;
  logsInodes: bigint;
  /** the pod's volumes that are not PersistentVolumeClaims (emptyDir, configMap, secret… on the node's disk) */
  localVolumeBytes: bigint;
  localVolumeInodes: bigint;
}

export interface PodEvictionFacts {
  namespace: string;
  name: string;
  qosClass: QosClass;
  /** spec.priority (0 when unset) */
  priority: number;
  /** summed container memory requests in bytes (0 when none) */
  memoryRequestBytes: bigint;
  /** summed ephemeral-storage requests in bytes (0 when none) */
  ephemeralStorageRequestBytes: bigint;
  /** working set summed over containers; undefined when the Summary has no stats for the pod */
  workingSetBytes?: bigint;
  disk?: PodDiskUsage;
  processCount?: bigint;
  /** carries the kubernetes.io/config.mirror annotation: the API's copy of a static pod */
  mirror?: boolean;
}

type RankMethod = 'memory' | 'disk' | 'pid';

interface RankedVictim {
  pod: PodEvictionFacts;
  rank: number;
  /** what the ranking measured, in the signal's unit; undefined = no stats (ranked first) */
  usage?: bigint;
  /** what was subtracted from it (the pod's request) */
  request: bigint;
  exceedsRequests: boolean;
}

interface ProtectedPod {
  pod: PodEvictionFacts;
  reason: CriticalReason;
}

export interface EvictionOrder {
  signal: EvictionSignal;
  method: RankMethod;
  /** one sentence: what is compared, for the panel */
  measures: string;
  /** pods the kubelet would evict, in order */
  victims: RankedVictim[];
  /** pods the kubelet never evicts */
  protected: ProtectedPod[];
  /** when no victim can be named: why */
  emptyReason?: string;
}

/** Which filesystems are separate, from the Summary (the kubelet asks cAdvisor for the devices; we compare stats). */
export interface FsLayout {
  /** the runtime's image filesystem is a different filesystem than the kubelet's root (nodefs) */
  dedicatedImageFs: boolean;
  /** writable layers live on a third filesystem, apart from images (KEP-4191 split image filesystem) */
  splitContainerFs: boolean;
}

function criticalReason(p: Pick<PodEvictionFacts, 'mirror' | 'priority'>): CriticalReason | undefined {
  if (p.mirror) return 'mirror';
  if (p.priority >= SYSTEM_CRITICAL_PRIORITY) return 'priority';
  return undefined;
}

function rankMethodOf(signal: EvictionSignal): RankMethod {
  if (signal === 'memory.available' || signal === 'allocatableMemory.available') return 'memory';
  if (signal === 'pid.available') return 'pid';
  return 'disk';
}

type DiskPart = 'rootfs' | 'logs' | 'localVolumes';

/** buildSignalToRankFunc's fsStatsToMeasure per layout (images are shared, never charged to a pod). */
function diskPartsFor(signal: EvictionSignal, layout: FsLayout): DiskPart[] {
  const fs = signal.split('.')[0];
  if (!layout.dedicatedImageFs) return ['rootfs', 'logs', 'localVolumes'];
  if (!layout.splitContainerFs) return fs === 'nodefs' ? ['logs', 'localVolumes'] : ['rootfs'];
  return fs === 'imagefs' ? [] : ['logs', 'localVolumes', 'rootfs'];
}

const PART_LABEL: Record<DiskPart, string> = {
  rootfs: 'writable layers',
  logs: 'logs',
  localVolumes: 'local volumes',
};

function diskUsage(d: PodDiskUsage, parts: readonly DiskPart[], inodes: boolean): bigint {
  let sum = 0n;
  for (const p of parts) {
    if (p === 'rootfs') sum += inodes ? d.rootfsInodes : d.rootfsBytes;
    else if (p === 'logs') sum += inodes ? d.logsInodes : d.logsBytes;
    else sum += inodes ? d.localVolumeInodes : d.localVolumeBytes;
  }
  return sum;
}

/** Go's cmpBool: true sorts first. */
const cmpBool = (a: boolean, b: boolean): number => (a === b ? 0 : a ? -1 : 1);
const cmpBig = (a: bigint, b: bigint): number => (a === b ? 0 : a < b ? -1 : 1);

interface Measured {
  pod: PodEvictionFacts;
  index: number;
  usage?: bigint;
  /** request compared for "exceeds" */
  request: bigint;
  /** request subtracted for "usage above request" (differs for inodes: see below) */
  subtract: bigint;
}

function measure(pod: PodEvictionFacts, index: number, signal: EvictionSignal, layout: FsLayout): Measured {
  const method = rankMethodOf(signal);
  if (method === 'memory')
    return {
      pod,
      index,
      ...(pod.workingSetBytes !== undefined ? { usage: pod.workingSetBytes } : {}),
      request: pod.memoryRequestBytes,
      subtract: pod.memoryRequestBytes,
    };
  if (method === 'pid')
    return {
      pod,
      index,
      ...(pod.processCount !== undefined ? { usage: pod.processCount } : {}),
      request: 0n,
      subtract: 0n,
    };
  const inodes = signal.endsWith('inodesFree');
  return {
    pod,
    index,
    ...(pod.disk ? { usage: diskUsage(pod.disk, diskPartsFor(signal, layout), inodes) } : {}),
    // exceedDiskRequests compares with the request for the signal's resource (pods request no inodes: 0),
    // while disk() subtracts the ephemeral-storage request even for inodes (helpers.go, as upstream does)
    request: inodes ? 0n : pod.ephemeralStorageRequestBytes,
    subtract: pod.ephemeralStorageRequestBytes,
  };
}

function compare(a: Measured, b: Measured, method: RankMethod): number {
  const fa = a.usage !== undefined;
  const fb = b.usage !== undefined;
  if (method !== 'pid') {
    // exceedMemoryRequests / exceedDiskRequests: no stats first, then the pod over its request
    if (!fa || !fb) {
      const c = cmpBool(!fa, !fb);
      if (c !== 0) return c;
    } else {
      const c = cmpBool(a.usage! > a.request, b.usage! > b.request);
      if (c !== 0) return c;
    }
  }
  // priority: lower first
  if (a.pod.priority !== b.pod.priority) return a.pod.priority < b.pod.priority ? -1 : 1;
  // memory() / disk() / process(): no stats first, then the larger (usage − request)
  if (!fa || !fb) return cmpBool(!fa, !fb);
  return cmpBig(b.usage! - b.subtract, a.usage! - a.subtract);
}

function describeMeasure(signal: EvictionSignal, layout: FsLayout): string {
  const method = rankMethodOf(signal);
  if (method === 'memory')
    return 'Pods whose working set exceeds their memory request go first, then lower priority, then the largest excess over the request.';
  if (method === 'pid') return 'Lower priority goes first, then the pod running more processes.';
  const parts = diskPartsFor(signal, layout);
  const what = signal.endsWith('inodesFree') ? 'inodes' : 'bytes';
  const measured = parts.length ? parts.map((p) => PART_LABEL[p]).join(' + ') : 'nothing per pod (images only)';
  return `Local ephemeral storage on this filesystem (${what} of ${measured}): pods using more than their ephemeral-storage request go first, then lower priority, then the largest use above the request.`;
}

/**
 * The eviction order for `signal`: victims in the kubelet's order, critical pods set apart, and a reason whenever
 * no victim can be named. `statsAvailable` false means the Summary could not be read: the kubelet would rank with
 * stats, so no order is claimed.
 */
export function evictionOrder(
  signal: EvictionSignal,
  pods: readonly PodEvictionFacts[],
  layout: FsLayout,
  statsAvailable: boolean,
): EvictionOrder {
  const method = rankMethodOf(signal);
  const measures = describeMeasure(signal, layout);
  const base = { signal, method, measures };
  if (pods.length === 0)
    return { ...base, victims: [], protected: [], emptyReason: 'No running pods on this node: nothing to evict.' };
  const prot: ProtectedPod[] = [];
  const candidates: PodEvictionFacts[] = [];
  for (const p of pods) {
    const reason = criticalReason(p);
    if (reason) prot.push({ pod: p, reason });
    else candidates.push(p);
  }
  if (!statsAvailable)
    return {
      ...base,
      victims: [],
      protected: prot,
      emptyReason:
        'The order depends on live usage from stats/summary, which could not be read; the kubelet ranks with it.',
    };
  if (candidates.length === 0)
    return {
      ...base,
      victims: [],
      protected: prot,
      emptyReason: `All ${prot.length} pods here are critical (mirror pods of static pods, or priority ≥ ${SYSTEM_CRITICAL_PRIORITY}): the kubelet evicts none of them, and pressure persists until usage drops.`,
    };
  const measured = candidates.map((p, i) => measure(p, i, signal, layout));
  measured.sort((a, b) => compare(a, b, method) || a.index - b.index);
  return {
    ...base,
    victims: measured.map((m, i) => ({
      pod: m.pod,
      rank: i + 1,
      ...(m.usage !== undefined ? { usage: m.usage } : {}),
      request: m.subtract,
      exceedsRequests: m.usage !== undefined && method !== 'pid' && m.usage > m.request,
    })),
    protected: prot,
  };
}

/** The kubelet's signals in the order it reclaims them (byEvictionPriority: memory first, then the rest). */
const RECLAIM_ORDER: readonly EvictionSignal[] = [
  'memory.available',
  'allocatableMemory.available',
  'nodefs.available',
  'nodefs.inodesFree',
  'imagefs.available',
  'imagefs.inodesFree',
  'containerfs.available',
  'containerfs.inodesFree',
  'pid.available',
];

const CONDITION_SIGNALS: Readonly<Record<string, readonly EvictionSignal[]>> = {
  MemoryPressure: ['memory.available', 'allocatableMemory.available'],
  DiskPressure: [
    'nodefs.available',
    'nodefs.inodesFree',
    'imagefs.available',
    'imagefs.inodesFree',
    'containerfs.available',
    'containerfs.inodesFree',
  ],
  PIDPressure: ['pid.available'],
};

export interface SignalChoice {
  signal: EvictionSignal;
  /** why this signal is the one shown */
  why: string;
}

/**
 * Which signal's order to show first: a threshold the live signal has crossed (memory before the rest, as the
 * kubelet reclaims), else the pressure condition the node reports (the signal closest to its threshold), else
 * memory.available. Only signals with a threshold are candidates.
 */
export function signalToRank(
  statuses: ReadonlyArray<{ signal: EvictionSignal; met?: boolean; distance?: bigint; capacity?: bigint }>,
  conditions: ReadonlyArray<{ type: string; status: string }>,
): SignalChoice {
  const withThreshold = new Set(statuses.map((s) => s.signal));
  const met = RECLAIM_ORDER.find((sig) => statuses.some((s) => s.signal === sig && s.met));
  if (met) return { signal: met, why: `${met} is below its threshold now` };
  for (const [condition, signals] of Object.entries(CONDITION_SIGNALS)) {
    if (!conditions.some((c) => c.type === condition && c.status === 'True')) continue;
    const candidates = statuses.filter((s) => signals.includes(s.signal));
    const closest = candidates
      .filter((s) => s.distance !== undefined && s.capacity !== undefined && s.capacity > 0n)
      .sort((a, b) => Number(a.distance!) / Number(a.capacity!) - Number(b.distance!) / Number(b.capacity!))[0];
    const signal = closest?.signal ?? candidates[0]?.signal ?? signals[0];
    if (signal && (withThreshold.has(signal) || candidates.length === 0))
      return {
        signal,
        why: `the node reports ${condition}${closest ? ` and ${signal} is the closest to its threshold` : ''}`,
      };
  }
  return {
    signal: 'memory.available',
    why: 'no signal is under pressure; memory is what the kubelet reclaims first',
  };
}

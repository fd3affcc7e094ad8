import { type Threshold, resolveThreshold } from './eviction-thresholds';
import { type EvictionSignal, type PressureCondition, SIGNAL_CONDITION } from './signal-conditions';

/**
 * Eviction signals computed from a stats/v1alpha1 Summary the way the eviction manager does it
 * (pkg/kubelet/eviction/helpers.go makeSignalObservations + helpers_others.go), so the page shows the number
 * the kubelet compares, not `free` or metrics-server's usage.
 */

type Opt<T> = T | null | undefined;
interface FsStats {
  time?: Opt<string>;
  availableBytes?: Opt<number>;
  capacityBytes?: Opt<number>;
  inodesFree?: Opt<number>;
  inodes?: Opt<number>;
}
interface MemoryStats {
  time?: Opt<string>;
  availableBytes?: Opt<number>;
  workingSetBytes?: Opt<number>;
}

/** The parts of a Summary the signals read. Every leaf is optional, as in the kubelet's pointer fields. */
export interface SummaryForSignals {
  node: {
    memory?: Opt<MemoryStats>;
    systemContainers?: Opt<Array<{ name?: Opt<string>; memory?: Opt<MemoryStats> }>>;
    fs?: Opt<FsStats>;
    runtime?: Opt<{ imageFs?: Opt<FsStats>; containerFs?: Opt<FsStats> }>;
    rlimit?: Opt<{ time?: Opt<string>; maxpid?: Opt<number>; curproc?: Opt<number> }>;
  };
}

export interface SignalObservation {
  signal: EvictionSignal;
  /** bytes, inodes or pids available now */
  available: bigint;
  /** what a percentage threshold is taken of */
  capacity: bigint;
  /** when the kubelet sampled it */
  time?: string;
}

const big = (n: Opt<number>): bigint | undefined => (n === undefined || n === null ? undefined : BigInt(Math.trunc(n)));

/**
 * The names as constants: a name built per observation (`${prefix}.available`) was a fresh 72-byte string in
 * every one of the 5,000 nodes' cached signals (issue 20's heap snapshot); constants are shared.
 */
const FS_SIGNALS = {
  nodefs: { available: 'nodefs.available', inodesFree: 'nodefs.inodesFree' },
  imagefs: { available: 'imagefs.available', inodesFree: 'imagefs.inodesFree' },
  containerfs: { available: 'containerfs.available', inodesFree: 'containerfs.inodesFree' },
} as const satisfies Record<string, { available: EvictionSignal; inodesFree: EvictionSignal }>;

function fsObservations(fs: Opt<FsStats>, prefix: 'nodefs' | 'imagefs' | 'containerfs'): SignalObservation[] {
  const out: SignalObservation[] = [];
  if (!fs) return out;
  const avail = big(fs.availableBytes);
  const cap = big(fs.capacityBytes);
  if (avail !== undefined && cap !== undefined)
    out.push({
      signal: FS_SIGNALS[prefix].available,
      available: avail,
      capacity: cap,
      ...(fs.time ? { time: fs.time } : {}),
    });
  const free = big(fs.inodesFree);
  const inodes = big(fs.inodes);
  if (free !== undefined && inodes !== undefined)
    out.push({
      signal: FS_SIGNALS[prefix].inodesFree,
      available: free,
      capacity: inodes,
      ...(fs.time ? { time: fs.time } : {}),
    });
  return out;
}

function memoryObservation(signal: EvictionSignal, m: Opt<MemoryStats>): SignalObservation | undefined {
  const avail = big(m?.availableBytes);
  const ws = big(m?.workingSetBytes);
  if (avail === undefined || ws === undefined) return undefined;
  // capacity = available + workingSet: availableBytes is itself (machine memory − working set)
  return { signal, available: avail, capacity: avail + ws, ...(m?.time ? { time: m.time } : {}) };
}

/**
 * One observation per signal the Summary can answer (Linux). Missing blocks yield no observation:
 * imagefs only when the runtime reports one, containerfs only from 1.29 kubelets.
 */
export function observeSignals(summary: SummaryForSignals): SignalObservation[] {
  const out: SignalObservation[] = [];
  const mem = memoryObservation('memory.available', summary.node.memory);
  if (mem) out.push(mem);
  const pods = summary.node.systemContainers?.find((c) => c.name === 'pods');
  const alloc = memoryObservation('allocatableMemory.available', pods?.memory);
  if (alloc) out.push(alloc);
  out.push(...fsObservations(summary.node.fs, 'nodefs'));
  out.push(...fsObservations(summary.node.runtime?.imageFs, 'imagefs'));
  out.push(...fsObservations(summary.node.runtime?.containerFs, 'containerfs'));
  const rl = summary.node.rlimit;
  const maxpid = big(rl?.maxpid);
  const cur = big(rl?.curproc);
  if (maxpid !== undefined && cur !== undefined)
    out.push({
      signal: 'pid.available',
      available: maxpid - cur,
      capacity: maxpid,
      ...(rl?.time ? { time: rl.time } : {}),
    });
  return out;
}

export interface ThresholdStatus {
  threshold: Threshold;
  condition: PressureCondition;
  observation?: SignalObservation;
  /** the threshold in bytes/inodes/pids, percentages resolved against the observation's capacity */
  thresholdAmount?: bigint;
  minReclaimAmount?: bigint;
  /** available − threshold: how far the signal is from eviction (negative = past it) */
  distance?: bigint;
  /** available < threshold, the kubelet's test (thresholdsMet) */
  met?: boolean;
}

/**
 * Each threshold beside its live signal. allocatableMemory.available has no threshold of its own: the kubelet
 * reuses the memory.available hard threshold when enforceNodeAllocatable contains "pods".
 */
export function evaluateThresholds(
  thresholds: readonly Threshold[],
  observations: readonly SignalObservation[],
): ThresholdStatus[] {
  return thresholds.map((threshold) => {
    const observation = observations.find((o) => o.signal === threshold.signal);
    const status: ThresholdStatus = { threshold, condition: SIGNAL_CONDITION[threshold.signal] };
    if (!observation) return status;
    const amount = resolveThreshold(threshold.value, observation.capacity);
    return {
      ...status,
      observation,
      thresholdAmount: amount,
      ...(threshold.minReclaim
        ? { minReclaimAmount: resolveThreshold(threshold.minReclaim, observation.capacity) }
        : {}),
      distance: observation.available - amount,
      met: observation.available < amount,
    };
  });
}

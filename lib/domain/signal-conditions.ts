/**
 * The kubelet's eviction signals and the node conditions they drive (kubernetes/kubernetes
 * pkg/kubelet/eviction/api/types.go and helpers.go). Apart from the threshold parsing (./eviction-thresholds.ts)
 * and the signal computation (./eviction-signals.ts) so the node list, which needs only these names, loads neither.
 */

export const EVICTION_SIGNALS = [
  'memory.available',
  'allocatableMemory.available',
  'nodefs.available',
  'nodefs.inodesFree',
  'imagefs.available',
  'imagefs.inodesFree',
  'containerfs.available',
  'containerfs.inodesFree',
  'pid.available',
] as const;
export type EvictionSignal = (typeof EVICTION_SIGNALS)[number];

/**
 * The node conditions that report resource pressure, in the order the node list's wire shape numbers them
 * (lib/api/nodes-wire.ts: a bit each, so append only).
 */
export const PRESSURE_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;
export type PressureCondition = (typeof PRESSURE_CONDITIONS)[number];

/** Which node condition a signal drives (eviction/helpers.go signalToNodeCondition). */
export const SIGNAL_CONDITION: Readonly<Record<EvictionSignal, PressureCondition>> = {
  'memory.available': 'MemoryPressure',
  'allocatableMemory.available': 'MemoryPressure',
  'nodefs.available': 'DiskPressure',
  'nodefs.inodesFree': 'DiskPressure',
  'imagefs.available': 'DiskPressure',
  'imagefs.inodesFree': 'DiskPressure',
  'containerfs.available': 'DiskPressure',
  'containerfs.inodesFree': 'DiskPressure',
  'pid.available': 'PIDPressure',
};

/** Unit of a signal's value: bytes for *.available except pid, counts for inodes and pids. */
export const signalUnit = (signal: EvictionSignal): 'bytes' | 'count' =>
  signal.endsWith('inodesFree') || signal === 'pid.available' ? 'count' : 'bytes';

import type { NodeModel } from './model';
import { thresholdBytes } from './quantity';
import { hash32, wave, waveOfHash } from './rng';

interface PodUsage {
  cpuNanoCores: number;
  workingSetBytes: number;
  /** per container, same order as PodModel.containers */
  containers: Array<{ cpuNanoCores: number; workingSetBytes: number }>;
}

export interface NodeUsage {
  /** when cAdvisor took the sample (a few seconds before `now`) */
  sampleTime: Date;
  cpuNanoCores: number;
  cpuCoreNanoSeconds: number;
  memoryCapacityBytes: number;
  workingSetBytes: number;
  usageBytes: number;
  rssBytes: number;
  availableBytes: number;
  fsCapacityBytes: number;
  fsAvailableBytes: number;
  inodes: number;
  inodesFree: number;
  maxpid: number;
  curproc: number;
  /** index-aligned with NodeModel.pods; non-running pods get zeros */
  pods: PodUsage[];
}

const MI = 1024 * 1024;
const PID_MAX = 4194304; // kernel.pid_max on 64-bit systemd hosts

function hard(m: NodeModel, signal: string): string | undefined {
  const eh = m.config.evictionHard;
  return typeof eh === 'object' && eh !== null ? (eh as Partial<Record<string, string>>)[signal] : undefined;
}

/** A hard threshold resolved to a number against `capacity` (0 when the signal has no threshold). */
export function hardThreshold(m: NodeModel, signal: string, capacity: number): number {
  let byKey = thresholdCache.get(m);
  if (!byKey) thresholdCache.set(m, (byKey = new Map()));
  const key = `${signal}@${capacity}`;
  let value = byKey.get(key);
  if (value === undefined) {
    const v = hard(m, signal);
    value = v ? Number(thresholdBytes(v, BigInt(Math.round(capacity)))) : 0;
    byKey.set(key, value);
  }
  return value;
}

/** Thresholds resolved per node (capacities are fixed, and the bigint parse showed in every usage sample). */
const thresholdCache = new WeakMap<NodeModel, Map<string, number>>();

/** cAdvisor's housekeeping interval: stats are sampled this often and served from the latest sample. */
const HOUSEKEEPING_SECONDS = 10;

/**
 * When the sample the kubelet serves at `now` was taken: the node's latest housekeeping instant at least a
 * second ago (each node at its own phase). Usage, Summary and metrics are pure functions of it, so they
 * stay the same for up to 10 s and the server may cache them per sample.
 */
function sampleTimeOf(m: NodeModel, now: Date): Date {
  const phase = hash32(0, m.key) % HOUSEKEEPING_SECONDS;
  const s = Math.floor(now.getTime() / 1000) - 1 - phase;
  return new Date((Math.floor(s / HOUSEKEEPING_SECONDS) * HOUSEKEEPING_SECONDS + phase) * 1000);
}

/**
 * Usage as a smooth deterministic function of (seed, node, time). Ordinary nodes stay well clear of every
 * threshold; a node marked `pressure` sits at 40–70 % of its hard threshold, so the condition never flaps.
 * The result is cached per node for its sample and shared by every caller: read it, never mutate it.
 */
export function nodeUsage(m: NodeModel, seed: number, now: Date): NodeUsage {
  const sampleTime = sampleTimeOf(m, now);
  const cached = usageCache.get(m);
  if (cached?.seed === seed && cached.usage.sampleTime.getTime() === sampleTime.getTime()) return cached.usage;
  const t = sampleTime.getTime() / 1000;
  const hashes = podWaveHashes(m, seed);
  const usage = usageOf(
    m,
    seed,
    sampleTime,
    (k) => wave(seed, `${m.key}/${k}`, t),
    (i, mem) => waveOfHash(hashes[2 * i + (mem ? 1 : 0)] ?? 0, t),
  );
  usageCache.set(m, { seed, usage });
  return usage;
}

/** The latest sample per node: Summary, NodeMetrics and PodMetrics of one housekeeping interval share it. */
const usageCache = new WeakMap<NodeModel, { seed: number; usage: NodeUsage }>();

const podHashCache = new WeakMap<NodeModel, { seed: number; hashes: Uint32Array }>();

/** Each pod's cpu and memory wave keys, hashed once per node: string hashing dominated summary builds. */
function podWaveHashes(m: NodeModel, seed: number): Uint32Array {
  const cached = podHashCache.get(m);
  if (cached && cached.seed === seed && cached.hashes.length === 2 * m.pods.length) return cached.hashes;
  const hashes = new Uint32Array(2 * m.pods.length);
  m.pods.forEach((p, i) => {
    hashes[2 * i] = hash32(seed, `${m.key}/${p.uid}/cpu`);
    hashes[2 * i + 1] = hash32(seed, `${m.key}/${p.uid}/mem`);
  });
  podHashCache.set(m, { seed, hashes });
  return hashes;
}

/**
 * Waves that push every quantity towards (or away from) its thresholds. Each usage figure is monotone in
 * each wave: more working set, less free disk, fewer free inodes, more processes as the waves rise, except
 * a pressure node's `mem` and every node's `disk`, which count headroom and so fall.
 */
const extreme = (high: boolean) => (k: string) => ((k === 'mem' || k === 'disk') === high ? -1 : 1);
const podExtreme = (high: boolean) => () => (high ? 1 : -1);

/**
 * Whether the node's pressure conditions can ever change. Waves stay in [-1, 1] and pressure is monotone
 * in each, so evaluating both extremes bounds every reachable state; equal bounds mean the conditions are
 * constant and tick() never needs this node's usage (by design almost every node: thresholds are far away
 * or, on a `pressure` node, always crossed).
 */
export function pressureCanChange(m: NodeModel, seed: number, now: Date): boolean {
  const at = sampleTimeOf(m, now);
  const lo = pressureOf(m, usageOf(m, seed, at, extreme(false), podExtreme(false)));
  const hi = pressureOf(m, usageOf(m, seed, at, extreme(true), podExtreme(true)));
  return lo.memory !== hi.memory || lo.disk !== hi.disk || lo.pid !== hi.pid;
}

/** Usage given the node's waves (`w`, by key) and its pods' (`podWave`, by index: cpu or memory). */
function usageOf(
  m: NodeModel,
  seed: number,
  sampleTime: Date,
  w: (key: string) => number,
  podWave: (index: number, memory: boolean) => number,
): NodeUsage {
  const t = sampleTime.getTime() / 1000;

  const pods: PodUsage[] = m.pods.map((p, pi) => {
    if (!p.running)
      return {
        cpuNanoCores: 0,
        workingSetBytes: 0,
        containers: p.containers.map(() => ({ cpuNanoCores: 0, workingSetBytes: 0 })),
      };
    const cpu = Math.max(1e5, p.cpuMillis * 1e6 * (1 + 0.3 * podWave(pi, false)));
    const ws = Math.round(p.memoryBytes * (1 + 0.1 * podWave(pi, true)));
    const n = p.containers.length;
    const containers = p.containers.map((_, i) => ({
      cpuNanoCores: Math.round(cpu / n),
      workingSetBytes: i === n - 1 ? ws - Math.floor(ws / n) * (n - 1) : Math.floor(ws / n),
    }));
    // the pod cgroup also holds the pause container (~0.5 MiB)
    return { cpuNanoCores: Math.round(cpu), workingSetBytes: ws + 524288, containers };
  });

  const capacity = Number(m.memoryBytes);
  const podWs = pods.reduce((s, p) => s + p.workingSetBytes, 0);
  const memT = hardThreshold(m, 'memory.available', capacity);
  let workingSet: number;
  if (m.pressure === 'memory') {
    workingSet = Math.round(capacity - memT * (0.55 + 0.15 * w('mem')));
  } else {
    const system = 600 * MI + 0.04 * capacity * (1 + 0.05 * w('sys'));
    const ceiling = capacity - memT - Math.max(memT, 768 * MI);
    workingSet = Math.round(Math.min(system + podWs, ceiling));
  }
  workingSet = Math.max(workingSet, podWs);
  const cache = Math.min(0.12 * capacity, capacity - workingSet);

  const cores = m.cpuCores * 1e9;
  const podCpu = pods.reduce((s, p) => s + p.cpuNanoCores, 0);
  const cpuNanoCores = Math.round(Math.min(cores * 0.95, podCpu + 5e7 + 0.01 * cores * (1 + w('cpu'))));
  const uptime = Math.max(1, t - m.bootTime.getTime() / 1000);

  const disk = Number(m.diskBytes);
  const fsT = hardThreshold(m, 'nodefs.available', disk);
  const fsAvailable =
    m.pressure === 'disk'
      ? Math.round(fsT * (0.5 + 0.1 * w('disk')))
      : Math.round(disk * (0.55 + 0.1 * ((hash32(seed, m.key) % 100) / 100) + 0.03 * w('disk')));
  const inodesUsed = Math.round(m.inodes * (0.05 + 0.01 * w('inodes')));
  const curproc = Math.round(220 + 14 * m.pods.length + 20 * w('pids'));

  return {
    sampleTime,
    cpuNanoCores,
    // cumulative counters grow at the mean rate so they never go backwards
    cpuCoreNanoSeconds: Math.round(meanCpuNanoCores(m) * uptime),
    memoryCapacityBytes: capacity,
    workingSetBytes: workingSet,
    usageBytes: Math.round(workingSet + cache),
    rssBytes: Math.round(workingSet * 0.82),
    availableBytes: capacity - workingSet,
    fsCapacityBytes: disk,
    fsAvailableBytes: fsAvailable,
    inodes: m.inodes,
    inodesFree: m.inodes - inodesUsed,
    maxpid: PID_MAX,
    curproc,
    pods,
  };
}

/** Long-run mean CPU rate of the node, for cumulative counters. */
function meanCpuNanoCores(m: NodeModel): number {
  const pods = m.pods.reduce((s, p) => s + (p.running ? p.cpuMillis * 1e6 : 0), 0);
  return pods + 5e7 + 0.01 * m.cpuCores * 1e9;
}

export interface Pressure {
  memory: boolean;
  disk: boolean;
  pid: boolean;
}

/** Which pressure conditions the eviction manager would set for this usage (hard thresholds only). */
export function pressureOf(m: NodeModel, u: NodeUsage): Pressure {
  const below = (signal: string, available: number, capacity: number) => {
    const v = hard(m, signal);
    return v !== undefined && available < hardThreshold(m, signal, capacity);
  };
  return {
    memory: below('memory.available', u.availableBytes, u.memoryCapacityBytes),
    disk:
      below('nodefs.available', u.fsAvailableBytes, u.fsCapacityBytes) ||
      below('nodefs.inodesFree', u.inodesFree, u.inodes) ||
      // containerd keeps images on the root filesystem: imagefs is nodefs
      below('imagefs.available', u.fsAvailableBytes, u.fsCapacityBytes) ||
      below('imagefs.inodesFree', u.inodesFree, u.inodes),
    pid: below('pid.available', u.maxpid - u.curproc, u.maxpid),
  };
}

import type { NodeModel, PodModel } from './model';
import { hardThreshold, nodeUsage, type NodeUsage } from './usage';
import { allocatableNumbers } from './allocatable';
import { hash32, rfc3339 } from './rng';

type Json = Record<string, unknown>;

const MI = 1048576;

// Built with plain assignments in wire order: conditional spreads and map/filter chains were most of the
// cost of a 5,000-node summary sweep.

function cpu(time: string, nano: number, cumulative: number): Json {
  return { time, usageNanoCores: Math.round(nano), usageCoreNanoSeconds: Math.round(cumulative) };
}

function memory(time: string, ws: number, available?: number, usage?: number): Json {
  const m: Json = { time };
  if (available !== undefined) m.availableBytes = Math.round(available);
  m.usageBytes = Math.round(usage ?? ws * 1.15);
  m.workingSetBytes = Math.round(ws);
  m.rssBytes = Math.round(ws * 0.8);
  m.pageFaults = Math.round(ws / 2048);
  m.majorPageFaults = Math.round(ws / 4e6);
  return m;
}

function fs(time: string, u: NodeUsage, used: number, inodesUsed = u.inodes - u.inodesFree): Json {
  return {
    time,
    availableBytes: u.fsAvailableBytes,
    capacityBytes: u.fsCapacityBytes,
    usedBytes: used,
    inodesFree: u.inodesFree,
    inodes: u.inodes,
    inodesUsed,
  };
}

function network(time: string, rx: number, tx: number): Json {
  return {
    time,
    name: 'eth0',
    rxBytes: rx,
    rxErrors: 0,
    txBytes: tx,
    txErrors: 0,
    interfaces: [{ name: 'eth0', rxBytes: rx, rxErrors: 0, txBytes: tx, txErrors: 0 }],
  };
}

/** What a pod's stats carry that never changes: its ref, start, and per-container rootfs/log sizes. */
interface PodStatic {
  ref: Json;
  startMs: number;
  rootfsUsed: number[];
  logsUsed: number[];
  volumeName: string;
}

const podStatics = new WeakMap<NodeModel, { seed: number; pods: PodStatic[] }>();

/** On a node under disk pressure one application pod is the culprit: it writes GiBs of logs (the usual cause). */
const CULPRIT_LOG_BYTES = 6 * 1024 * 1024 * 1024;

function podStaticsOf(m: NodeModel, seed: number): PodStatic[] {
  const cached = podStatics.get(m);
  if (cached?.seed === seed && cached.pods.length === m.pods.length) return cached.pods;
  const culprit =
    m.pressure === 'disk'
      ? m.pods.find((p) => p.running && !p.hostNetwork && p.namespace !== 'kube-system')
      : undefined;
  const pods = m.pods.map((p: PodModel) => ({
    ref: { name: p.name, namespace: p.namespace, uid: p.uid },
    startMs: Date.parse(p.startTime),
    rootfsUsed: p.containers.map((name) => 24576 + (hash32(seed, `${p.uid}${name}`) % 4) * 4096),
    logsUsed: p.containers.map(
      (name, i) => 8192 + (hash32(seed, `${p.uid}${name}l`) % 1e6) + (p === culprit && i === 0 ? CULPRIT_LOG_BYTES : 0),
    ),
    volumeName: `kube-api-access-${p.uid.slice(0, 5)}`,
  }));
  podStatics.set(m, { seed, pods });
  return pods;
}

/**
 * stats/v1alpha1 Summary for a node (summary-api-shape.md §1). With onlyCpuAndMemory the kubelet answers
 * from GetCPUAndMemoryStats: node and pods keep only name/ref, startTime, cpu and memory.
 */
export function buildSummary(m: NodeModel, seed: number, now: Date, onlyCpuAndMemory: boolean): Json {
  const u: NodeUsage = nodeUsage(m, seed, now);
  const full = !onlyCpuAndMemory;
  const sampleMs = u.sampleTime.getTime();
  const time = rfc3339(u.sampleTime);
  const boot = rfc3339(m.bootTime);
  const uptime = (sampleMs - m.bootTime.getTime()) / 1000;
  let podWs = 0;
  let podCpu = 0;
  for (const p of u.pods) {
    podWs += p.workingSetBytes;
    podCpu += p.cpuNanoCores;
  }
  const a = allocatableNumbers(m);
  // the kubepods cgroup limit is allocatable + the hard-eviction reservation (capacity − reservations)
  const podsLimit = Number(a.memoryBytes) + hardThreshold(m, 'memory.available', u.memoryCapacityBytes);
  const sys = (name: string, cpuNano: number, ws: number, available?: number): Json => ({
    name,
    startTime: boot,
    cpu: cpu(time, cpuNano, cpuNano * uptime),
    memory: memory(time, ws, available),
  });
  const systemContainers = [
    sys('kubelet', 3.5e7 + (hash32(seed, m.key) % 2e7), 70 * MI + (hash32(seed, `${m.key}k`) % (50 * MI))),
    sys('runtime', 1.5e7, 55 * MI + (hash32(seed, `${m.key}r`) % (40 * MI))),
    sys('pods', podCpu, podWs, Math.max(0, podsLimit - podWs)),
  ];
  const node: Json = {
    nodeName: m.name,
    systemContainers,
    startTime: boot,
    cpu: cpu(time, u.cpuNanoCores, u.cpuCoreNanoSeconds),
    memory: memory(time, u.workingSetBytes, u.availableBytes, u.usageBytes),
  };
  const statics = podStaticsOf(m, seed);
  const podStats: Json[] = [];
  m.pods.forEach((p, i) => {
    const pu = u.pods[i];
    const ps = statics[i];
    if (!p.running || !pu || !ps) return;
    const podUp = Math.max(1, (sampleMs - ps.startMs) / 1000);
    let rootfs = 0;
    let logs = 0;
    const containers = p.containers.map((name, ci) => {
      const cu = pu.containers[ci] ?? { cpuNanoCores: 0, workingSetBytes: 0 };
      const c: Json = {
        name,
        startTime: p.startTime,
        cpu: cpu(time, cu.cpuNanoCores, (p.cpuMillis * 1e6 * podUp) / p.containers.length),
        memory: memory(time, cu.workingSetBytes),
      };
      if (full) {
        const rootfsUsed = ps.rootfsUsed[ci] ?? 0;
        const logsUsed = ps.logsUsed[ci] ?? 0;
        rootfs += rootfsUsed;
        logs += logsUsed;
        c.rootfs = fs(time, u, rootfsUsed, 9);
        c.logs = fs(time, u, logsUsed, 1);
      }
      return c;
    });
    const pod: Json = {
      podRef: ps.ref,
      startTime: p.startTime,
      containers,
      cpu: cpu(time, pu.cpuNanoCores, p.cpuMillis * 1e6 * podUp),
      memory: memory(time, pu.workingSetBytes),
    };
    if (full) {
      const volUsed = 12288;
      if (!p.hostNetwork) pod.network = network(time, Math.round(podUp * 1500), Math.round(podUp * 900));
      pod.volume = [
        {
          time,
          availableBytes: Math.round(u.memoryCapacityBytes * 0.4),
          capacityBytes: Math.round(u.memoryCapacityBytes * 0.4),
          usedBytes: volUsed,
          inodesFree: 1000000,
          inodes: 1000009,
          inodesUsed: 9,
          name: ps.volumeName,
        },
      ];
      pod['ephemeral-storage'] = {
        time,
        availableBytes: u.fsAvailableBytes,
        capacityBytes: u.fsCapacityBytes,
        usedBytes: rootfs + logs + volUsed,
        inodesFree: u.inodesFree,
        inodes: u.inodes,
        inodesUsed: 10 * containers.length + 9,
      };
      pod.process_stats = { process_count: 1 + containers.length * 2 };
      if (m.minor >= 28) pod.swap = { time, swapUsageBytes: 0 };
    }
    podStats.push(pod);
  });
  if (!full) return { node, pods: podStats };
  const used = u.fsCapacityBytes - u.fsAvailableBytes;
  node.network = network(time, Math.round(uptime * 52000), Math.round(uptime * 31000));
  node.fs = fs(time, u, used);
  // containerd keeps images and writable layers on the root filesystem: imageFs/containerFs = nodefs
  const imageFs = fs(time, u, Math.round(used * 0.35));
  node.runtime = m.minor >= 29 ? { imageFs, containerFs: fs(time, u, used) } : { imageFs };
  node.rlimit = { time, maxpid: u.maxpid, curproc: u.curproc };
  if (m.minor >= 28) node.swap = { time, swapAvailableBytes: 0, swapUsageBytes: 0 };
  return { node, pods: podStats };
}

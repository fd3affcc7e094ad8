import type { NodeModel } from './model';
import { hardThreshold, nodeUsage, type NodeUsage } from './usage';
import { allocatableNumbers } from './allocatable';
import { hash32, rfc3339 } from './rng';

type Json = Record<string, unknown>;

const MI = 1048576;

function cpu(time: string, nano: number, cumulative: number): Json {
  return { time, usageNanoCores: Math.round(nano), usageCoreNanoSeconds: Math.round(cumulative) };
}

function memory(time: string, ws: number, extra: { available?: number; usage?: number } = {}): Json {
  return {
    time,
    ...(extra.available !== undefined ? { availableBytes: Math.round(extra.available) } : {}),
    usageBytes: Math.round(extra.usage ?? ws * 1.15),
    workingSetBytes: Math.round(ws),
    rssBytes: Math.round(ws * 0.8),
    pageFaults: Math.round(ws / 2048),
    majorPageFaults: Math.round(ws / 4e6),
  };
}

function fs(time: string, capacity: number, available: number, used: number, inodes: number, inodesFree: number): Json {
  return { time, availableBytes: available, capacityBytes: capacity, usedBytes: used, inodesFree, inodes, inodesUsed: inodes - inodesFree };
}

/**
 * stats/v1alpha1 Summary for a node (summary-api-shape.md §1). With onlyCpuAndMemory the kubelet answers
 * from GetCPUAndMemoryStats: node and pods keep only name/ref, startTime, cpu and memory.
 */
export function buildSummary(m: NodeModel, seed: number, now: Date, onlyCpuAndMemory: boolean): Json {
  const u: NodeUsage = nodeUsage(m, seed, now);
  const time = rfc3339(u.sampleTime);
  const boot = rfc3339(m.bootTime);
  const uptime = (u.sampleTime.getTime() - m.bootTime.getTime()) / 1000;
  const podWs = u.pods.reduce((s, p) => s + p.workingSetBytes, 0);
  const podCpu = u.pods.reduce((s, p) => s + p.cpuNanoCores, 0);
  const a = allocatableNumbers(m);
  // the kubepods cgroup limit is allocatable + the hard-eviction reservation (capacity − reservations)
  const podsLimit = Number(a.memoryBytes) + hardThreshold(m, 'memory.available', u.memoryCapacityBytes);
  const sys = (name: string, cpuNano: number, ws: number, extra: { available?: number } = {}): Json => ({
    name,
    startTime: boot,
    cpu: cpu(time, cpuNano, cpuNano * uptime),
    memory: memory(time, ws, extra),
  });
  const systemContainers = [
    sys('kubelet', 3.5e7 + (hash32(seed, m.key) % 2e7), 70 * MI + (hash32(seed, `${m.key}k`) % (50 * MI))),
    sys('runtime', 1.5e7, 55 * MI + (hash32(seed, `${m.key}r`) % (40 * MI))),
    sys('pods', podCpu, podWs, { available: Math.max(0, podsLimit - podWs) }),
  ];
  const nodeBlock: Json = {
    nodeName: m.name,
    systemContainers,
    startTime: boot,
    cpu: cpu(time, u.cpuNanoCores, u.cpuCoreNanoSeconds),
    memory: memory(time, u.workingSetBytes, { available: u.availableBytes, usage: u.usageBytes }),
  };
  const podStats = m.pods
    .map((p, i) => ({ p, pu: u.pods[i] }))
    .filter(({ p, pu }) => p.running && pu !== undefined)
    .map(({ p, pu }) => {
      if (!pu) throw new Error('unreachable');
      const podUp = Math.max(1, (u.sampleTime.getTime() - Date.parse(p.startTime)) / 1000);
      const containers = p.containers.map((name, i) => {
        const cu = pu.containers[i] ?? { cpuNanoCores: 0, workingSetBytes: 0 };
        const c: Json = { name, startTime: p.startTime, cpu: cpu(time, cu.cpuNanoCores, (p.cpuMillis * 1e6 * podUp) / p.containers.length), memory: memory(time, cu.workingSetBytes) };
        if (!onlyCpuAndMemory) {
          c.rootfs = fs(time, u.fsCapacityBytes, u.fsAvailableBytes, 24576 + (hash32(seed, `${p.uid}${name}`) % 4) * 4096, u.inodes, u.inodesFree);
          c.logs = fs(time, u.fsCapacityBytes, u.fsAvailableBytes, 8192 + (hash32(seed, `${p.uid}${name}l`) % 1e6), u.inodes, u.inodesFree);
          (c.rootfs as Json).inodesUsed = 9;
          (c.logs as Json).inodesUsed = 1;
        }
        return c;
      });
      const base: Json = {
        podRef: { name: p.name, namespace: p.namespace, uid: p.uid },
        startTime: p.startTime,
        containers,
        cpu: cpu(time, pu.cpuNanoCores, p.cpuMillis * 1e6 * podUp),
        memory: memory(time, pu.workingSetBytes),
      };
      if (onlyCpuAndMemory) return base;
      const volUsed = 12288;
      const logs = containers.reduce((s, c) => s + Number((c.logs as Json).usedBytes), 0);
      const rootfs = containers.reduce((s, c) => s + Number((c.rootfs as Json).usedBytes), 0);
      return {
        ...base,
        ...(p.hostNetwork ? {} : { network: { time, name: 'eth0', rxBytes: Math.round(podUp * 1500), rxErrors: 0, txBytes: Math.round(podUp * 900), txErrors: 0, interfaces: [{ name: 'eth0', rxBytes: Math.round(podUp * 1500), rxErrors: 0, txBytes: Math.round(podUp * 900), txErrors: 0 }] } }),
        volume: [{ time, availableBytes: Math.round(u.memoryCapacityBytes * 0.4), capacityBytes: Math.round(u.memoryCapacityBytes * 0.4), usedBytes: volUsed, inodesFree: 1000000, inodes: 1000009, inodesUsed: 9, name: `kube-api-access-${p.uid.slice(0, 5)}` }],
        'ephemeral-storage': { time, availableBytes: u.fsAvailableBytes, capacityBytes: u.fsCapacityBytes, usedBytes: rootfs + logs + volUsed, inodesFree: u.inodesFree, inodes: u.inodes, inodesUsed: 10 * containers.length + 9 },
        process_stats: { process_count: 1 + containers.length * 2 },
        ...(m.minor >= 28 ? { swap: { time, swapUsageBytes: 0 } } : {}),
      };
    });
  if (onlyCpuAndMemory) {
    return {
      node: { ...nodeBlock, systemContainers: systemContainers.map(({ name, startTime, cpu: c, memory: mem }) => ({ name, startTime, cpu: c, memory: mem })) },
      pods: podStats,
    };
  }
  const used = u.fsCapacityBytes - u.fsAvailableBytes;
  const nodeFs = fs(time, u.fsCapacityBytes, u.fsAvailableBytes, used, u.inodes, u.inodesFree);
  const imageUsed = Math.round(used * 0.35);
  const imageFs = { ...fs(time, u.fsCapacityBytes, u.fsAvailableBytes, imageUsed, u.inodes, u.inodesFree) };
  const rx = Math.round(uptime * 52000);
  const tx = Math.round(uptime * 31000);
  return {
    node: {
      ...nodeBlock,
      network: { time, name: 'eth0', rxBytes: rx, rxErrors: 0, txBytes: tx, txErrors: 0, interfaces: [{ name: 'eth0', rxBytes: rx, rxErrors: 0, txBytes: tx, txErrors: 0 }] },
      fs: nodeFs,
      // containerd keeps images and writable layers on the root filesystem: imageFs/containerFs = nodefs
      runtime: m.minor >= 29 ? { imageFs, containerFs: { ...nodeFs } } : { imageFs },
      rlimit: { time, maxpid: u.maxpid, curproc: u.curproc },
      ...(m.minor >= 28 ? { swap: { time, swapAvailableBytes: 0, swapUsageBytes: 0 } } : {}),
    },
    pods: podStats,
  };
}


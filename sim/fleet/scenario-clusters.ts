import { servingCsr, type CsrSpecInput } from './csrs';
import { ACK_FLOOD, DEMO_CLUSTER_NODES } from './demo-clusters';
import type { NodeModel } from './model';
import { createPodNaming, makeNode, populatePods, type NodeInput } from './node-model';
import { createRng } from './rng';

const DAY = 86400000;

/**
 * The demo's second and third clusters (`npm run demo` serves them beside the first, each on its own port with
 * its own CA and tokens; sim/server/clusters.ts). They differ from the first on purpose, so the fleet overview
 * and cross-cluster compare have something to show:
 *
 * - `kubeasz`: a binary install by easzlab/kubeasz in an IDC. Node names are the hosts' IPs (kubeasz's default
 *   K8S_NODENAME), no kubeadm ConfigMap, kubelets of two minors after a half-done upgrade, one node with
 *   SYS_RESERVED_ENABLED=yes (drift), one NotReady, one under DiskPressure.
 * - `ack`: an ACK-like managed cluster configured by flags (managed-ack profile: other hardening than kubeadm),
 *   a node pool half upgraded, one node under MemoryPressure, and a flood of pending serving CSRs (no approver
 *   running: kubelets keep asking), see ackCsrFlood in csrs.ts.
 */
function kubeaszInputs(now: Date): NodeInput[] {
  const born = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const { master, workers } = DEMO_CLUSTER_NODES.kubeasz;
  const node = (name: string, i: number, extra: Partial<NodeInput> = {}): NodeInput => ({
    name,
    profile: 'binary-kubeasz',
    version: 'v1.28.15',
    cpuCores: 16,
    memoryGi: 64,
    diskGi: 500,
    region: 'idc-shanghai',
    zone: `idc-shanghai-${(i % 2) + 1}`,
    internalIP: name,
    podCIDR: `172.20.${i}.0/24`,
    osImage: 'Ubuntu 20.04.6 LTS',
    kernelVersion: '5.4.0-196-generic',
    containerRuntimeVersion: 'containerd://1.6.33',
    createdAt: born(600 - i * 20),
    ...extra,
  });
  const [w1, w2, w3, w4, w5, w6] = workers;
  return [
    // kubeasz cordons its masters and labels them kubernetes.io/role=master; they run the control plane as binaries
    node(master, 0, { cordoned: true, cpuCores: 8, memoryGi: 16, extraLabels: { 'kubernetes.io/role': 'master' } }),
    node(w1, 1),
    node(w2, 2),
    node(w3, 3, { version: 'v1.29.14', kernelVersion: '5.15.0-119-generic', osImage: 'Ubuntu 22.04.4 LTS' }),
    node(w4, 4, { version: 'v1.29.14', systemReservedEnabled: true }),
    node(w5, 5, { notReady: true, fault: { kind: 'unreachable' } }),
    node(w6, 6, { pressure: 'disk' }),
  ];
}

function ackInputs(now: Date): NodeInput[] {
  const born = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  return DEMO_CLUSTER_NODES.ack.map((name, i): NodeInput => ({
    name,
    profile: 'managed-ack',
    version: i < 4 ? 'v1.31.9' : 'v1.32.1',
    cpuCores: 8,
    memoryGi: 32,
    diskGi: 120,
    instanceType: 'ecs.g7.2xlarge',
    region: 'cn-hangzhou',
    zone: i % 2 === 0 ? 'cn-hangzhou-j' : 'cn-hangzhou-k',
    internalIP: name.replace(/^cn-hangzhou\./, ''),
    podCIDR: `172.22.${i}.0/24`,
    providerID: `cn-hangzhou.i-bp1ack${String(i).padStart(12, '0')}`,
    extraLabels: {
      'alibabacloud.com/nodepool-id':
        i < 4 ? 'np7e1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c' : 'np0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c',
      'node.kubernetes.io/node-type': 'ecs',
    },
    osImage: 'Alibaba Cloud Linux 3.2104 U10 (OpenAnolis Edition)',
    kernelVersion: '5.10.134-17.2.al8.x86_64',
    containerRuntimeVersion: 'containerd://1.6.36',
    createdAt: born(60 - i),
    ...(i === 2 ? { pressure: 'memory' as const } : {}),
  }));
}

/** The nodes of the demo's `kubeasz` or `ack` cluster, with pods. Deterministic in (seed, now). */
export function demoClusterNodes(cluster: 'kubeasz' | 'ack', seed: number, now: Date): NodeModel[] {
  const naming = createPodNaming(seed);
  const rng = createRng(seed, `${cluster}/pod-counts`);
  const nodes = (cluster === 'kubeasz' ? kubeaszInputs(now) : ackInputs(now)).map((i) => makeNode(i, seed, now));
  for (const n of nodes) n.pods = populatePods(n, { count: rng.int(10, 22), naming, seed, now });
  return nodes;
}

/**
 * The ACK cluster's pending CSR flood: ACK_FLOOD.pending serving requests, several per node (a kubelet whose
 * serving CSR is never approved asks again, and with no approver running they pile up), spread over the last
 * two hours; ACK_FLOOD.hostile of them also ask for a DNS name outside the cluster, so they fail the checks.
 */
export function ackCsrFlood(nodes: readonly NodeModel[], now: Date, name: () => string): CsrSpecInput[] {
  const healthy = nodes.filter((n) => !n.notReady && !n.fault);
  return Array.from({ length: ACK_FLOOD.pending }, (_, k) => {
    const node = healthy[k % healthy.length] as NodeModel;
    const input = servingCsr(name(), node, new Date(now.getTime() - (k * 7200_000) / ACK_FLOOD.pending));
    return k < ACK_FLOOD.hostile ? { ...input, dns: [node.name, `${node.name}.attacker.example`] } : input;
  });
}

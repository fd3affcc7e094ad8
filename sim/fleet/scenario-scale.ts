import type { NodeModel } from './model';
import { createPodNaming, makeNode, populatePods, type NodeInput } from './node-model';
import { createRng, type Rng } from './rng';
import type { KubeletFault, ProfileName } from './types';

const DAY = 86400000;

interface ProfileMix {
  profile: ProfileName;
  share: number;
  minors: number[];
  patch: Record<number, number>;
}

/** Share of the fleet per platform and the kubelet minors each runs (1.27–1.33 overall). */
const MIX: ProfileMix[] = [
  { profile: 'eks', share: 0.33, minors: [29, 30, 31, 32, 33], patch: { 29: 15, 30: 13, 31: 9, 32: 5, 33: 1 } },
  { profile: 'gke', share: 0.24, minors: [30, 31, 32, 33], patch: { 30: 14, 31: 8, 32: 4, 33: 2 } },
  {
    profile: 'kubeadm',
    share: 0.16,
    minors: [27, 28, 29, 30, 31, 32, 33],
    patch: { 27: 16, 28: 15, 29: 15, 30: 14, 31: 9, 32: 6, 33: 2 },
  },
  // a CIS/STIG-hardened kubeadm pool and a few legacy flags-only nodes: the posture page has something to find
  { profile: 'kubeadm-hardened', share: 0.06, minors: [31, 32, 33], patch: { 31: 9, 32: 6, 33: 2 } },
  { profile: 'managed-ack', share: 0.12, minors: [28, 30, 31, 32], patch: { 28: 15, 30: 14, 31: 9, 32: 1 } },
  { profile: 'binary-kubeasz', share: 0.07, minors: [27, 28, 29], patch: { 27: 16, 28: 15, 29: 15 } },
  { profile: 'binary-legacy', share: 0.02, minors: [27, 28], patch: { 27: 16, 28: 15 } },
];

function profileFor(i: number, n: number): ProfileMix {
  let acc = 0;
  const x = (i + 0.5) / n;
  for (const m of MIX) {
    acc += m.share;
    if (x < acc) return m;
  }
  return MIX[MIX.length - 1] as ProfileMix;
}

/** About 0.1 % of nodes per fault kind, placed deterministically. */
function faultFor(rng: Rng): {
  fault?: KubeletFault;
  notReady?: boolean;
  pressure?: 'memory' | 'disk';
  cordoned?: boolean;
} {
  const r = rng.next();
  if (r < 0.001) return { fault: { kind: 'unreachable' } };
  if (r < 0.002) return { fault: { kind: 'forbidden' } };
  if (r < 0.003) return { fault: { kind: 'malformed' } };
  if (r < 0.004) return { fault: { kind: 'slow', delayMs: 2000 + rng.int(0, 3000) } };
  if (r < 0.005) return { notReady: true, fault: { kind: 'unreachable' } };
  if (r < 0.006) return { pressure: 'memory' };
  if (r < 0.007) return { pressure: 'disk' };
  if (r < 0.009) return { cordoned: true };
  return {};
}

function scaleInput(i: number, n: number, rng: Rng, now: Date): NodeInput {
  const mix = profileFor(i, n);
  const minor = rng.pick(mix.minors);
  const version = `v1.${minor}.${mix.patch[minor] ?? 0}`;
  const a = 64 + (i >> 8);
  const b = i & 255;
  const ip = `10.${a}.${b}.${rng.int(4, 250)}`;
  const common = {
    profile: mix.profile,
    version,
    podCIDR: `10.${128 + (i >> 8)}.${b}.0/24`,
    internalIP: ip,
    createdAt: new Date(now.getTime() - rng.int(1, 300) * DAY),
    ...faultFor(rng),
  };
  const seq = String(i + 1).padStart(5, '0');
  switch (mix.profile) {
    case 'eks': {
      const large = rng.next() < 0.3;
      const arm = rng.next() < 0.15;
      const zone = rng.pick(['us-east-1a', 'us-east-1b', 'us-east-1c']);
      const name = `ip-${ip.replace(/\./g, '-')}.ec2.internal`;
      return {
        ...common,
        name,
        cpuCores: large ? 2 : 4,
        memoryGi: large ? 8 : 16,
        diskGi: 80,
        maxPods: large ? 29 : 58,
        instanceType: arm ? (large ? 'm6g.large' : 'm6g.xlarge') : large ? 'm5.large' : 'm5.xlarge',
        arch: arm ? 'arm64' : 'amd64',
        region: 'us-east-1',
        zone,
        internalDNS: name,
        providerID: `aws:///${zone}/i-0${rng.hex(16)}`,
        extraLabels: {
          'eks.amazonaws.com/nodegroup': `ng-${rng.pick(['general', 'batch', 'web'])}`,
          'eks.amazonaws.com/capacityType': 'ON_DEMAND',
        },
        osImage: 'Amazon Linux 2023.5.20240819',
        kernelVersion: `6.1.102-111.182.amzn2023.${arm ? 'aarch64' : 'x86_64'}`,
        containerRuntimeVersion: 'containerd://1.7.20',
      };
    }
    case 'gke': {
      const pool = rng.pick(['default-pool', 'highmem-pool']);
      const name = `gke-scale-${pool}-${rng.hex(8)}-${rng.suffix(4)}`;
      return {
        ...common,
        name,
        cpuCores: 4,
        memoryGi: pool === 'default-pool' ? 16 : 32,
        diskGi: 100,
        instanceType: pool === 'default-pool' ? 'e2-standard-4' : 'e2-highmem-4',
        region: 'us-central1',
        zone: rng.pick(['us-central1-a', 'us-central1-b', 'us-central1-f']),
        providerID: `gce://acme-scale/us-central1-a/${name}`,
        extraLabels: { 'cloud.google.com/gke-nodepool': pool, 'cloud.google.com/gke-os-distribution': 'cos' },
        osImage: 'Container-Optimized OS from Google',
        kernelVersion: '6.6.72+',
        containerRuntimeVersion: 'containerd://1.7.24',
      };
    }
    case 'managed-ack':
      return {
        ...common,
        name: `cn-hangzhou.${ip}`,
        cpuCores: 4,
        memoryGi: 16,
        diskGi: 120,
        instanceType: 'ecs.g7.xlarge',
        region: 'cn-hangzhou',
        zone: rng.pick(['cn-hangzhou-j', 'cn-hangzhou-k']),
        providerID: `cn-hangzhou.i-bp1${rng.suffix(17)}`,
        extraLabels: { 'alibabacloud.com/nodepool-id': `np${rng.hex(32)}` },
        osImage: 'Alibaba Cloud Linux 3.2104 U10 (OpenAnolis Edition)',
        kernelVersion: '5.10.134-17.2.al8.x86_64',
        containerRuntimeVersion: 'containerd://1.6.36',
      };
    case 'binary-kubeasz':
      return {
        ...common,
        name: `kubeasz-scale-${seq}`,
        cpuCores: 8,
        memoryGi: 32,
        diskGi: 200,
        region: 'idc-shanghai',
        zone: 'idc-shanghai-1',
        osImage: 'Ubuntu 20.04.6 LTS',
        kernelVersion: '5.4.0-196-generic',
        containerRuntimeVersion: 'containerd://1.6.33',
      };
    case 'kubeadm-hardened':
      return {
        ...common,
        name: `hardened-node-${seq}`,
        cpuCores: 8,
        memoryGi: 32,
        diskGi: 200,
        region: 'dc1',
        zone: rng.pick(['dc1-rack-c', 'dc1-rack-d']),
        osImage: 'Ubuntu 24.04.1 LTS',
        kernelVersion: '6.8.0-45-generic',
        containerRuntimeVersion: 'containerd://1.7.22',
      };
    case 'binary-legacy':
      return {
        ...common,
        name: `legacy-node-${seq}`,
        cpuCores: 8,
        memoryGi: 32,
        diskGi: 200,
        region: 'idc-beijing',
        zone: 'idc-beijing-2',
        osImage: 'CentOS Linux 7 (Core)',
        kernelVersion: '3.10.0-1160.119.1.el7.x86_64',
        containerRuntimeVersion: 'containerd://1.6.33',
      };
    case 'kubeadm':
      return {
        ...common,
        name: `scale-node-${seq}`,
        cpuCores: 8,
        memoryGi: 32,
        diskGi: 200,
        region: 'dc1',
        zone: rng.pick(['dc1-rack-a', 'dc1-rack-b']),
        osImage: 'Ubuntu 22.04.4 LTS',
        kernelVersion: '5.15.0-119-generic',
        containerRuntimeVersion: 'containerd://1.7.22',
        local: rng.next() < 0.05 ? { maxPods: 64 } : undefined,
      };
  }
}

export interface ScaleLayout {
  nodes: NodeModel[];
  /** Fills every node's `pods` (~30 each); split out so CSR work can start on worker threads first. */
  populatePods(): void;
}

/** `count` nodes across all profiles with ~30 pods each on average. */
export function scaleNodes(seed: number, now: Date, count: number): ScaleLayout {
  const rng = createRng(seed, 'scale');
  const nodes: NodeModel[] = [];
  const podCounts: number[] = [];
  for (let i = 0; i < count; i++) {
    nodes.push(makeNode(scaleInput(i, count, rng, now), seed, now));
    podCounts.push(rng.int(22, 40));
  }
  return {
    nodes,
    populatePods: () => {
      // one naming sequence in node order: StatefulSet ordinals and ReplicaSet hashes run across the fleet
      const naming = createPodNaming(seed);
      nodes.forEach((m, i) => {
        m.pods = populatePods(m, { count: podCounts[i] ?? 0, naming, seed, now });
      });
    },
  };
}

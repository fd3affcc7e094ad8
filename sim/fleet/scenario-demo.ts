import { DEMO_NODES, DEMO_VERSIONS } from './demo-layout';
import type { NodeModel } from './model';
import { createPodNaming, makeNode, populatePods, type NodeInput } from './node-model';
import { COREDNS, METRICS_SERVER } from './pod-templates';
import { createRng } from './rng';

const DAY = 86400000;

const UBUNTU = {
  osImage: 'Ubuntu 22.04.4 LTS',
  kernelVersion: '5.15.0-119-generic',
  containerRuntimeVersion: 'containerd://1.7.22',
};

/** The fixed demo cast (demo-layout.ts); see README.md for each node's purpose. */
function demoNodeInputs(now: Date): NodeInput[] {
  const born = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const kubeadm = (name: string, ip: number, extra: Partial<NodeInput> = {}): NodeInput => ({
    name,
    profile: 'kubeadm',
    version: DEMO_VERSIONS.current,
    cpuCores: 4,
    memoryGi: 16,
    diskGi: 100,
    region: 'dc1',
    zone: 'dc1-rack-a',
    internalIP: `10.0.0.${ip}`,
    podCIDR: `10.244.${ip - 10}.0/24`,
    ...UBUNTU,
    createdAt: born(182 - (ip - 10)),
    ...extra,
  });
  const ack = (name: string, ip: string, i: number, extra: Partial<NodeInput> = {}): NodeInput => ({
    name,
    profile: 'managed-ack',
    version: DEMO_VERSIONS.ack,
    cpuCores: 4,
    memoryGi: 16,
    diskGi: 120,
    instanceType: 'ecs.g7.xlarge',
    region: 'cn-hangzhou',
    zone: 'cn-hangzhou-k',
    internalIP: ip,
    podCIDR: `172.20.${i}.0/24`,
    providerID: `cn-hangzhou.i-bp1${['6xq0cz3mvh2k4w9tn1', 'dyb3mt5wq6j1k8ef0r'][i] ?? ''}`,
    extraLabels: {
      'alibabacloud.com/nodepool-id': 'np3c1f0e5d2b8a4e6f9c7d1a2b3c4d5e6f',
      'alibabacloud.com/instance-id': `i-bp1${['6xq0cz3mvh2k4w9tn1', 'dyb3mt5wq6j1k8ef0r'][i] ?? ''}`,
      'ack.aliyun.com': 'c8f2d4e6a1b3c5d7e9f0a2b4c6d8e0f1a',
      'node.kubernetes.io/node-type': 'ecs',
    },
    osImage: 'Alibaba Cloud Linux 3.2104 U10 (OpenAnolis Edition)',
    kernelVersion: '5.10.134-17.2.al8.x86_64',
    containerRuntimeVersion: 'containerd://1.6.36',
    createdAt: born(90),
    ...extra,
  });
  const kubeasz = (name: string, ip: number, version: string, extra: Partial<NodeInput> = {}): NodeInput => ({
    name,
    profile: 'binary-kubeasz',
    version,
    cpuCores: 8,
    memoryGi: 32,
    diskGi: 200,
    region: 'idc-shanghai',
    zone: 'idc-shanghai-1',
    internalIP: `192.168.1.${ip}`,
    podCIDR: `172.21.${ip - 40}.0/24`,
    osImage: 'Ubuntu 20.04.6 LTS',
    kernelVersion: '5.4.0-196-generic',
    containerRuntimeVersion: 'containerd://1.6.33',
    createdAt: born(400),
    ...extra,
  });
  const eks = (
    name: string,
    ip: string,
    extra: Partial<NodeInput> & Pick<NodeInput, 'version' | 'zone'>,
  ): NodeInput => ({
    name,
    profile: 'eks',
    cpuCores: 2,
    memoryGi: 8,
    diskGi: 80,
    instanceType: 'm5.large',
    maxPods: 29,
    region: 'us-east-1',
    internalIP: ip,
    internalDNS: name,
    podCIDR: `10.0.${ip.split('.')[2]}.0/24`,
    extraLabels: {
      'eks.amazonaws.com/nodegroup': 'general-purpose',
      'eks.amazonaws.com/nodegroup-image': 'ami-0c5d1f2e3a4b5c6d7',
      'eks.amazonaws.com/capacityType': 'ON_DEMAND',
      'k8s.io/cloud-provider-aws': '3f1b2c4d5e6f7a8b9c0d1e2f3a4b5c6d',
    },
    osImage: 'Amazon Linux 2023.5.20240819',
    kernelVersion: '6.1.102-111.182.amzn2023.x86_64',
    containerRuntimeVersion: 'containerd://1.7.20',
    createdAt: born(30),
    ...extra,
  });
  const gke = (name: string, i: number, extra: Partial<NodeInput> = {}): NodeInput => ({
    name,
    profile: 'gke',
    version: DEMO_VERSIONS.gke,
    cpuCores: 4,
    memoryGi: 16,
    diskGi: 100,
    instanceType: 'e2-standard-4',
    region: 'us-central1',
    zone: 'us-central1-a',
    internalIP: `10.128.0.${41 + i}`,
    externalIP: `34.27.${118 + i}.${20 + i * 7}`,
    podCIDR: `10.52.${i}.0/24`,
    providerID: `gce://acme-prod/us-central1-a/${name}`,
    extraLabels: {
      'cloud.google.com/gke-nodepool': 'default-pool',
      'cloud.google.com/gke-os-distribution': 'cos',
      'cloud.google.com/gke-container-runtime': 'containerd',
      'cloud.google.com/gke-boot-disk': 'pd-balanced',
      'cloud.google.com/machine-family': 'e2',
      'cloud.google.com/gke-max-pods-per-node': '110',
      'cloud.google.com/gke-provisioning': 'standard',
      'cloud.google.com/gke-stack-type': 'IPV4',
      'cloud.google.com/private-node': 'false',
    },
    osImage: 'Container-Optimized OS from Google',
    kernelVersion: '6.6.72+',
    containerRuntimeVersion: 'containerd://1.7.24',
    createdAt: born(12),
    ...extra,
  });
  const [w1, w2] = DEMO_NODES.kubeadmClean;
  const [ack1, ack2] = DEMO_NODES.ack;
  const [asz1, asz2] = DEMO_NODES.kubeasz;
  const [eks1, eks2] = DEMO_NODES.eks;
  const [gke1, gke2] = DEMO_NODES.gke;
  const kubeadmEvictionDrift = {
    'imagefs.available': '15%',
    'memory.available': '500Mi',
    'nodefs.available': '15%',
    'nodefs.inodesFree': '5%',
  };
  return [
    kubeadm(DEMO_NODES.controlPlane, 10, { role: 'control-plane', memoryGi: 8 }),
    kubeadm(w1, 11),
    kubeadm(w2, 12, { pressure: 'memory' }),
    // --max-pods=64 in /etc/default/kubelet (KUBELET_EXTRA_ARGS)
    kubeadm(DEMO_NODES.driftMaxPods, 13, { local: { maxPods: 64 } }),
    // admin hand-edited /var/lib/kubelet/config.yaml; `kubeadm upgrade node` would overwrite it
    kubeadm(DEMO_NODES.driftEviction, 14, { local: { evictionHard: kubeadmEvictionDrift } }),
    kubeadm(DEMO_NODES.oldKubelet, 15, {
      version: DEMO_VERSIONS.kubeadmOld,
      containerRuntimeVersion: 'containerd://1.7.13',
      kernelVersion: '5.15.0-97-generic',
      osImage: 'Ubuntu 22.04.3 LTS',
    }),
    // --cgroup-driver=cgroupfs in KUBELET_EXTRA_ARGS; arm64 box
    kubeadm(DEMO_NODES.driftCgroupDriver, 16, {
      local: { cgroupDriver: 'cgroupfs' },
      arch: 'arm64',
      kernelVersion: '5.15.0-119-generic',
    }),
    kubeadm(DEMO_NODES.notReady, 17, { notReady: true, fault: { kind: 'unreachable' } }),
    kubeadm(DEMO_NODES.diskPressure, 18, { pressure: 'disk' }),
    ack(ack1, '10.0.1.11', 0),
    ack(ack2, '10.0.1.12', 1, { fault: { kind: 'slow', delayMs: 2500 } }),
    // enableDebuggingHandlers: false on this hardened binary install: the kubelet does not serve /configz
    kubeasz(asz1, 41, DEMO_VERSIONS.kubeaszNew, { cordoned: true, fault: { kind: 'no-configz' } }),
    kubeasz(asz2, 42, DEMO_VERSIONS.kubeaszOld, { fault: { kind: 'malformed' }, systemReservedEnabled: true }),
    eks(eks1, '10.0.1.23', {
      version: DEMO_VERSIONS.eksNew,
      zone: 'us-east-1a',
      providerID: 'aws:///us-east-1a/i-0a1b2c3d4e5f60718',
      externalIP: '54.172.33.18',
      externalDNS: 'ec2-54-172-33-18.compute-1.amazonaws.com',
    }),
    eks(eks2, '10.0.2.47', {
      version: DEMO_VERSIONS.eksOld,
      zone: 'us-east-1b',
      providerID: 'aws:///us-east-1b/i-0f9e8d7c6b5a40312',
      fault: { kind: 'unreachable' },
      arch: 'arm64',
      instanceType: 'm6g.xlarge',
      cpuCores: 4,
      memoryGi: 16,
      maxPods: 58,
      kernelVersion: '6.1.102-111.182.amzn2023.aarch64',
    }),
    gke(gke1, 0),
    gke(gke2, 1, { fault: { kind: 'forbidden' } }),
    kubeadm(DEMO_NODES.hardened, 19, {
      profile: 'kubeadm-hardened',
      zone: 'dc1-rack-b',
      osImage: 'Ubuntu 24.04.1 LTS',
      kernelVersion: '6.8.0-45-generic',
    }),
    {
      name: DEMO_NODES.legacy,
      profile: 'binary-legacy',
      version: DEMO_VERSIONS.legacy,
      cpuCores: 8,
      memoryGi: 32,
      diskGi: 200,
      region: 'idc-beijing',
      zone: 'idc-beijing-2',
      internalIP: '192.168.9.31',
      podCIDR: '10.254.31.0/24',
      osImage: 'CentOS Linux 7 (Core)',
      kernelVersion: '3.10.0-1160.119.1.el7.x86_64',
      containerRuntimeVersion: 'containerd://1.6.33',
      createdAt: born(900),
    },
  ];
}

export function demoNodes(seed: number, now: Date): NodeModel[] {
  const naming = createPodNaming(seed);
  const rng = createRng(seed, 'demo/pod-counts');
  const nodes = demoNodeInputs(now).map((i) => makeNode(i, seed, now));
  for (const n of nodes) {
    const extra =
      n.name === DEMO_NODES.kubeadmClean[0]
        ? [COREDNS, METRICS_SERVER]
        : n.name === DEMO_NODES.controlPlane
          ? [COREDNS]
          : [];
    n.pods = populatePods(n, {
      count: rng.int(8, 20),
      naming,
      seed,
      now,
      extra,
      oddPhases: n.name === DEMO_NODES.oldKubelet,
    });
  }
  return nodes;
}

import { allocatableOf, capacityOf } from './allocatable';
import type { NodeModel } from './model';
import { rfc3339 } from './rng';
import type { Pressure } from './usage';
import type { KubeObject, ProfileName } from './types';

interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastHeartbeatTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** Reasons and messages as pkg/kubelet/nodestatus/setters.go writes them. */
const TEXT = {
  MemoryPressure: {
    False: ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    True: ['KubeletHasInsufficientMemory', 'kubelet has insufficient memory available'],
  },
  DiskPressure: {
    False: ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    True: ['KubeletHasDiskPressure', 'kubelet has disk pressure'],
  },
  PIDPressure: {
    False: ['KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    True: ['KubeletHasInsufficientPID', 'kubelet has insufficient PID available'],
  },
} as const;

/** Profiles without a cloud provider: no legacy failure-domain labels. */
const ON_PREM: ReadonlySet<ProfileName> = new Set(['kubeadm', 'kubeadm-hardened', 'binary-kubeasz', 'binary-legacy']);

function labelsOf(m: NodeModel): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': m.arch,
    'beta.kubernetes.io/os': 'linux',
    ...(m.instanceType ? { 'beta.kubernetes.io/instance-type': m.instanceType } : {}),
    ...(!ON_PREM.has(m.profile)
      ? { 'failure-domain.beta.kubernetes.io/region': m.region, 'failure-domain.beta.kubernetes.io/zone': m.zone }
      : {}),
    'kubernetes.io/arch': m.arch,
    'kubernetes.io/hostname': m.name,
    'kubernetes.io/os': 'linux',
    ...(m.role === 'control-plane'
      ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' }
      : {}),
    ...(m.instanceType ? { 'node.kubernetes.io/instance-type': m.instanceType } : {}),
    'topology.kubernetes.io/region': m.region,
    'topology.kubernetes.io/zone': m.zone,
    ...m.extraLabels,
  };
}

function addressesOf(m: NodeModel): Array<{ type: string; address: string }> {
  const a = [{ type: 'InternalIP', address: m.internalIP }];
  if (m.externalIP) a.push({ type: 'ExternalIP', address: m.externalIP });
  if (m.internalDNS) a.push({ type: 'InternalDNS', address: m.internalDNS });
  if (m.externalDNS) a.push({ type: 'ExternalDNS', address: m.externalDNS });
  a.push({ type: 'Hostname', address: m.internalDNS ?? m.name });
  return a;
}

/** Kubelet-published conditions; a NotReady node carries what the node lifecycle controller wrote. */
export function conditionsOf(m: NodeModel, p: Pressure, heartbeat: string, since: string, lostAt: string): Condition[] {
  if (m.notReady) {
    const unknown = (type: string): Condition => ({
      type,
      status: 'Unknown',
      lastHeartbeatTime: lostAt,
      lastTransitionTime: rfc3339(Date.parse(lostAt) + 40000),
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    return [unknown('MemoryPressure'), unknown('DiskPressure'), unknown('PIDPressure'), unknown('Ready')];
  }
  const pressure = (type: 'MemoryPressure' | 'DiskPressure' | 'PIDPressure', on: boolean): Condition => {
    const [reason, message] = TEXT[type][on ? 'True' : 'False'];
    return {
      type,
      status: on ? 'True' : 'False',
      lastHeartbeatTime: heartbeat,
      lastTransitionTime: since,
      reason,
      message,
    };
  };
  const conds: Condition[] = [];
  if (m.profile === 'gke') {
    conds.push({
      type: 'NetworkUnavailable',
      status: 'False',
      lastHeartbeatTime: since,
      lastTransitionTime: since,
      reason: 'RouteCreated',
      message: 'NodeController create implicit route',
    });
  }
  conds.push(pressure('MemoryPressure', p.memory), pressure('DiskPressure', p.disk), pressure('PIDPressure', p.pid), {
    type: 'Ready',
    status: 'True',
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: since,
    reason: 'KubeletReady',
    message: 'kubelet is posting ready status',
  });
  return conds;
}

/** Taints the node controller and kubelet put on the node for its current state. */
export function taintsOf(m: NodeModel, p: Pressure, lostAt: string): Array<Record<string, string>> {
  const t: Array<Record<string, string>> = [];
  if (m.role === 'control-plane') t.push({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
  if (m.cordoned) t.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: lostAt });
  if (m.notReady) {
    t.push({ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: lostAt });
    t.push({ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: lostAt });
  }
  if (!m.notReady && p.memory)
    t.push({ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule', timeAdded: lostAt });
  if (!m.notReady && p.disk)
    t.push({ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule', timeAdded: lostAt });
  return t;
}

export interface NodeTimes {
  heartbeat: string;
  /** when the conditions last changed (≈ kubelet start) */
  since: string;
  /** NotReady: last heartbeat before the kubelet went silent; also used as taint time */
  lostAt: string;
}

/** The v1 Node JSON. */
export function buildNodeObject(m: NodeModel, p: Pressure, times: NodeTimes): KubeObject {
  const taints = taintsOf(m, p, times.lostAt);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: m.name,
      uid: m.uid,
      creationTimestamp: rfc3339(m.createdAt),
      labels: labelsOf(m),
      annotations: {
        ...(m.profile === 'kubeadm' || m.profile === 'kubeadm-hardened'
          ? { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock' }
          : {}),
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: m.podCIDR,
      podCIDRs: [m.podCIDR],
      ...(m.providerID ? { providerID: m.providerID } : {}),
      ...(taints.length ? { taints } : {}),
      ...(m.cordoned ? { unschedulable: true } : {}),
    },
    status: {
      capacity: capacityOf(m),
      allocatable: allocatableOf(m),
      conditions: conditionsOf(m, p, times.heartbeat, times.since, times.lostAt),
      addresses: addressesOf(m),
      daemonEndpoints: { kubeletEndpoint: { Port: Number(m.config.port ?? 10250) } },
      nodeInfo: {
        machineID: m.machineID,
        systemUUID: m.systemUUID,
        bootID: m.bootID,
        kernelVersion: m.kernelVersion,
        osImage: m.osImage,
        containerRuntimeVersion: m.containerRuntimeVersion,
        kubeletVersion: m.version,
        kubeProxyVersion: m.version,
        operatingSystem: 'linux',
        architecture: m.arch,
      },
      // KEP-3857 (1.30+): the kubelet reports per-handler runtime features
      ...(m.minor >= 30
        ? {
            runtimeHandlers: ['', 'runc'].map((name) => ({
              name,
              features:
                m.minor >= 31
                  ? { recursiveReadOnlyMounts: false, userNamespaces: false }
                  : { recursiveReadOnlyMounts: false },
            })),
          }
        : {}),
      ...(m.minor >= 33 ? { features: { supplementalGroupsPolicy: true } } : {}),
    },
  };
}

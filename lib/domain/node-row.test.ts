import { describe, expect, it } from 'vitest';
import type { NodeDetail } from '@/lib/api/node-detail';
import { buildNodeRows, podRequestsAndLimits, totalsByNode, type PodResources } from './node-row';
import { formatQuantity, parseQuantity, type Quantity } from './quantity';

const show = (m: Record<string, Quantity>) =>
  Object.fromEntries(Object.entries(m).map(([k, q]) => [k, formatQuantity(q, k === 'cpu' ? 'decimal' : 'binary')]));

describe('podRequestsAndLimits', () => {
  it('sums app containers per resource', () => {
    const r = podRequestsAndLimits({
      containers: [
        { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        { requests: { cpu: '0.25', memory: '64Mi', 'ephemeral-storage': '1Gi' } },
      ],
    });
    expect(show(r.requests)).toEqual({ cpu: '350m', memory: '192Mi', 'ephemeral-storage': '1Gi' });
    expect(show(r.limits)).toEqual({ memory: '256Mi' });
  });
  it('takes the largest init container when it exceeds the app containers', () => {
    const r = podRequestsAndLimits({
      containers: [{ requests: { cpu: '100m', memory: '100Mi' } }],
      initContainers: [{ requests: { cpu: '500m', memory: '10Mi' } }, { requests: { cpu: '200m' } }],
    });
    expect(show(r.requests)).toEqual({ cpu: '500m', memory: '100Mi' });
  });
  it('adds sidecars (restartPolicy Always) to the app total and to init containers started after them', () => {
    const r = podRequestsAndLimits({
      containers: [{ requests: { cpu: '100m' } }],
      initContainers: [
        { requests: { cpu: '50m' }, restartPolicy: 'Always' },
        { requests: { cpu: '300m' } }, // runs beside the sidecar: 350m
      ],
    });
    expect(show(r.requests)).toEqual({ cpu: '350m' });
    const noInitPeak = podRequestsAndLimits({
      containers: [{ requests: { cpu: '500m' } }],
      initContainers: [{ requests: { cpu: '50m' }, restartPolicy: 'Always' }, { requests: { cpu: '300m' } }],
    });
    expect(show(noInitPeak.requests)).toEqual({ cpu: '550m' });
  });
  it('adds overhead to every request, but only to limits already set', () => {
    const r = podRequestsAndLimits({
      containers: [{ requests: { cpu: '100m', memory: '100Mi' }, limits: { memory: '200Mi' } }],
      overhead: { cpu: '250m', memory: '120Mi' },
    });
    expect(show(r.requests)).toEqual({ cpu: '350m', memory: '220Mi' });
    expect(show(r.limits)).toEqual({ memory: '320Mi' });
  });
  it('uses pod-level resources for cpu and memory when set', () => {
    const r = podRequestsAndLimits({
      containers: [{ requests: { cpu: '100m', memory: '1Gi' } }],
      resources: { requests: { cpu: '2' } },
    });
    expect(show(r.requests)).toEqual({ cpu: '2', memory: '1Gi' });
  });
  it('is empty for a BestEffort pod', () => {
    expect(podRequestsAndLimits({ containers: [{}, {}] })).toEqual({ requests: {}, limits: {} });
  });
});

function node(name: string, over: Partial<NodeDetail> = {}): NodeDetail {
  return {
    name,
    uid: `uid-${name}`,
    createdAt: '2022-01-02T00:00:00Z',
    labels: {},
    annotations: {},
    ready: 'True',
    roles: [],
    pressures: [],
    conditions: [],
    addresses: [],
    unschedulable: false,
    taints: [],
    podCIDRs: [],
    // allocatable memory in millibytes, as a real node reported it (karmada-io/karmada#1207, kubectl get node -o json)
    capacity: { cpu: '8', memory: '16267196Ki', pods: '220' },
    allocatable: { cpu: '7800m', memory: '7924400947200m', pods: '220' },
    nodeInfo: {
      kubeletVersion: 'v1.22.3',
      osImage: 'Ubuntu',
      kernelVersion: '5.4',
      architecture: 'amd64',
      containerRuntime: 'containerd://1.5',
      operatingSystem: 'linux',
    },
    ...over,
  };
}

const pod = (
  name: string,
  nodeName: string | null,
  cpu: string,
  memory: string,
  limitMemory?: string,
): PodResources => ({
  namespace: 'default',
  name,
  nodeName,
  phase: 'Running',
  requests: { cpu: parseQuantity(cpu), memory: parseQuantity(memory) },
  limits: limitMemory ? { memory: parseQuantity(limitMemory) } : {},
});

describe('buildNodeRows', () => {
  const nodes = [node('n1', { internalIP: '10.0.0.1' }), node('n2')];
  const pods = [
    pod('a', 'n1', '100m', '100Mi', '1Gi'),
    pod('b', 'n1', '1', '1Gi'),
    pod('c', 'n2', '10m', '1Mi'),
    pod('pending', null, '4', '4Gi'),
  ];
  const metrics = [{ name: 'n1', timestamp: 't', window: '20s', cpuMillis: 321, memoryBytes: 1024 }];

  it('converts capacity and allocatable to base units, rounding fractional bytes up', () => {
    const [row] = buildNodeRows(nodes, metrics, pods);
    expect(row?.capacity).toEqual({ cpuMillis: 8000, memoryBytes: 16267196 * 1024, pods: 220 });
    expect(row?.allocatable).toEqual({ cpuMillis: 7800, memoryBytes: 7924400948, pods: 220 });
  });
  it('sums requests and limits of the pods bound to each node and counts them; unscheduled pods count nowhere', () => {
    const [n1, n2] = buildNodeRows(nodes, metrics, pods);
    expect(n1).toMatchObject({
      requests: { cpuMillis: 1100, memoryBytes: 1124 * 1024 * 1024 },
      limits: { cpuMillis: 0, memoryBytes: 1024 ** 3 },
      podCount: 2,
      internalIP: '10.0.0.1',
    });
    expect(n2).toMatchObject({ requests: { cpuMillis: 10, memoryBytes: 1024 * 1024 }, podCount: 1 });
  });
  it('gives usage from metrics, null for a node metrics-server has no sample for', () => {
    const [n1, n2] = buildNodeRows(nodes, metrics, pods);
    expect(n1?.usage).toEqual({ cpuMillis: 321, memoryBytes: 1024 });
    expect(n2?.usage).toBeNull();
  });
  it('leaves pod columns null (not zero) when the pod list is unavailable, and usage null without metrics', () => {
    const [n1] = buildNodeRows(nodes, null, null);
    expect(n1).toMatchObject({ usage: null, requests: null, limits: null, podCount: null });
  });
  it('gives a node without pods zero requests and a pod count of 0', () => {
    const [, n2] = buildNodeRows(nodes, [], [pod('a', 'n1', '1', '1Mi')]);
    expect(n2).toMatchObject({ requests: { cpuMillis: 0, memoryBytes: 0 }, podCount: 0 });
  });
  it('handles an empty node list', () => {
    expect(buildNodeRows([], [], [])).toEqual([]);
  });
});

describe('totalsByNode', () => {
  it('groups in one pass', () => {
    const t = totalsByNode([pod('a', 'x', '1', '1Mi'), pod('b', 'x', '1', '1Mi'), pod('c', 'y', '1', '1Mi')]);
    expect([...t.keys()].sort()).toEqual(['x', 'y']);
    expect(t.get('x')?.count).toBe(2);
  });
});

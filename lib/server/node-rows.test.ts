import { describe, expect, it } from 'vitest';
import type { NodeDetail, NodeMetrics } from '@/lib/api/node-detail';
import { totalsByNode, type PodResources } from '@/lib/domain/node-row';
import { parseQuantity } from '@/lib/domain/quantity';
import { nodeRows } from './node-rows';

const buildNodeRows = (
  nodes: readonly NodeDetail[],
  metrics: readonly NodeMetrics[] | null,
  pods: readonly PodResources[] | null,
) => nodeRows(nodes, metrics, pods ? totalsByNode(pods) : null);

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

describe('nodeRows', () => {
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

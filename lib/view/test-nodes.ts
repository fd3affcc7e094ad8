import type { NodeRow } from '@/lib/api/nodes';

/** A Ready worker with round numbers; tests override what they exercise. */
export function testNode(overrides: Partial<NodeRow> & { name: string }): NodeRow {
  return {
    ready: 'True',
    roles: ['worker'],
    kubeletVersion: 'v1.33.2',
    osImage: 'Ubuntu 22.04.4 LTS',
    kernelVersion: '5.15.0-105-generic',
    architecture: 'amd64',
    containerRuntime: 'containerd://1.7.13',
    internalIP: '10.0.0.10',
    createdAt: '2026-01-01T00:00:00Z',
    unschedulable: false,
    taints: [],
    pressures: [],
    capacity: { cpuMillis: 4000, memoryBytes: 16 * 2 ** 30, pods: 110 },
    allocatable: { cpuMillis: 3800, memoryBytes: 15 * 2 ** 30, pods: 110 },
    usage: { cpuMillis: 1000, memoryBytes: 4 * 2 ** 30 },
    requests: { cpuMillis: 1900, memoryBytes: 6 * 2 ** 30 },
    limits: { cpuMillis: 3000, memoryBytes: 8 * 2 ** 30 },
    podCount: 20,
    labels: { 'kubernetes.io/hostname': overrides.name },
    ...overrides,
  };
}

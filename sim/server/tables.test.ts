import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../fleet/types';
import { humanDuration } from './duration';
import { csrCondition, NODE_TABLE } from './tables';

const NOW = Date.parse('2026-01-10T12:00:00Z');

function node(overrides: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'k8s-worker-7',
      uid: 'u',
      creationTimestamp: '2026-01-05T09:00:00Z',
      labels: { 'kubernetes.io/hostname': 'k8s-worker-7' },
    },
    spec: { unschedulable: true },
    status: {
      conditions: [
        { type: 'MemoryPressure', status: 'Unknown' },
        { type: 'Ready', status: 'Unknown' },
      ],
      addresses: [
        { type: 'InternalIP', address: '10.0.0.17' },
        { type: 'Hostname', address: 'k8s-worker-7' },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.33.2',
        osImage: 'Ubuntu 22.04.4 LTS',
        kernelVersion: '5.15.0-105-generic',
        containerRuntimeVersion: 'containerd://1.7.13',
      },
    },
    ...overrides,
  };
}

describe('node table rows', () => {
  it('shows a NotReady, cordoned node as printers.go does', () => {
    expect(NODE_TABLE.cells(node({}), NOW)).toEqual([
      'k8s-worker-7',
      'NotReady,SchedulingDisabled',
      '<none>',
      '5d3h',
      'v1.33.2',
      '10.0.0.17',
      '<none>',
      'Ubuntu 22.04.4 LTS',
      '5.15.0-105-generic',
      'containerd://1.7.13',
    ]);
  });

  it('lists roles from node-role labels, sorted, and Unknown without a Ready condition', () => {
    const n = node({ spec: {}, status: { conditions: [] } });
    n.metadata.labels = { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '' };
    const cells = NODE_TABLE.cells(n, NOW);
    expect(cells.slice(1, 3)).toEqual(['Unknown', 'control-plane,worker']);
    expect(cells.slice(7)).toEqual(['<unknown>', '<unknown>', '<unknown>']);
  });

  it('declares the wide columns with priority 1', () => {
    expect(NODE_TABLE.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0',
      'Status:0',
      'Roles:0',
      'Age:0',
      'Version:0',
      'Internal-IP:1',
      'External-IP:1',
      'OS-Image:1',
      'Kernel-Version:1',
      'Container-Runtime:1',
    ]);
  });
});

describe('CSR condition cell', () => {
  it('prefers Denied over Approved and appends Failed and Issued', () => {
    expect(csrCondition({ metadata: { name: 'a' } })).toBe('Pending');
    expect(
      csrCondition({ metadata: { name: 'a' }, status: { conditions: [{ type: 'Approved' }], certificate: 'x' } }),
    ).toBe('Approved,Issued');
    expect(
      csrCondition({ metadata: { name: 'a' }, status: { conditions: [{ type: 'Approved' }, { type: 'Failed' }] } }),
    ).toBe('Approved,Failed');
    expect(csrCondition({ metadata: { name: 'a' }, status: { conditions: [{ type: 'Denied' }] } })).toBe('Denied');
  });
});

describe('humanDuration', () => {
  it('formats ages like kubectl', () => {
    expect(humanDuration(59_000)).toBe('59s');
    expect(humanDuration(5 * 60_000 + 3_000)).toBe('5m3s');
    expect(humanDuration(3 * 3600_000 + 20 * 60_000)).toBe('3h20m');
    expect(humanDuration(20 * 3600_000)).toBe('20h');
    expect(humanDuration((5 * 24 + 3) * 3600_000)).toBe('5d3h');
    expect(humanDuration(400 * 24 * 3600_000)).toBe('400d');
    expect(humanDuration(3 * 365 * 24 * 3600_000)).toBe('3y');
  });
});

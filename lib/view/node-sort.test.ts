import { describe, expect, it } from 'vitest';
import { orderByName, sortNodes, sortValue } from './node-sort';
import { SORT_COLUMNS } from './node-view-state';
import { testNode } from './test-nodes';

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('sortNodes', () => {
  it('orders names naturally (worker-2 before worker-10)', () => {
    const rows = ['w-10', 'w-2', 'w-1'].map((name) => testNode({ name }));
    expect(names(sortNodes(rows, 'name', 'asc'))).toEqual(['w-1', 'w-2', 'w-10']);
    expect(names(sortNodes(rows, 'name', 'desc'))).toEqual(['w-10', 'w-2', 'w-1']);
  });

  it('puts nodes without metrics last in both directions', () => {
    const rows = [
      testNode({ name: 'a', usage: null }),
      testNode({ name: 'b', usage: { cpuMillis: 3000, memoryBytes: 1 } }),
      testNode({ name: 'c', usage: { cpuMillis: 100, memoryBytes: 1 } }),
    ];
    expect(names(sortNodes(rows, 'cpu', 'asc'))).toEqual(['c', 'b', 'a']);
    expect(names(sortNodes(rows, 'cpu', 'desc'))).toEqual(['b', 'c', 'a']);
  });

  it('gives the same order from a name-ordered list without collating again, for every column and direction', () => {
    const rows = Array.from({ length: 60 }, (_, i) =>
      testNode({
        name: `node-${(i * 37) % 60}`,
        usage: i % 7 === 0 ? null : { cpuMillis: (i * 13) % 5, memoryBytes: i },
        createdAt: new Date(Date.UTC(2026, 0, 1 + (i % 5))).toISOString(),
      }),
    );
    const named = orderByName(rows);
    expect(names(named).slice(0, 3)).toEqual(['node-0', 'node-1', 'node-2']);
    for (const column of SORT_COLUMNS) {
      for (const dir of ['asc', 'desc'] as const) {
        expect(names(sortNodes(named, column, dir, { inNameOrder: true }))).toEqual(
          names(sortNodes(rows, column, dir)),
        );
      }
    }
  });

  it('breaks ties by name', () => {
    const rows = ['c', 'a', 'b'].map((name) => testNode({ name }));
    expect(names(sortNodes(rows, 'status', 'desc'))).toEqual(['a', 'b', 'c']);
  });

  it('sorts status with NotReady and cordoned nodes last ascending', () => {
    const rows = [
      testNode({ name: 'notready', ready: 'False' }),
      testNode({ name: 'cordoned', unschedulable: true }),
      testNode({ name: 'unknown', ready: 'Unknown' }),
      testNode({ name: 'ready' }),
    ];
    expect(names(sortNodes(rows, 'status', 'asc'))).toEqual(['ready', 'cordoned', 'unknown', 'notready']);
  });

  it('compares kubelet versions numerically', () => {
    const rows = ['v1.9.0', 'v1.27.16', 'v1.33.2'].map((kubeletVersion, i) =>
      testNode({ name: `n${i}`, kubeletVersion }),
    );
    expect(sortNodes(rows, 'version', 'desc').map((r) => r.kubeletVersion)).toEqual(['v1.33.2', 'v1.27.16', 'v1.9.0']);
  });

  it('sorts age youngest first ascending', () => {
    const rows = [
      testNode({ name: 'old', createdAt: '2024-01-01T00:00:00Z' }),
      testNode({ name: 'new', createdAt: '2026-01-01T00:00:00Z' }),
    ];
    expect(names(sortNodes(rows, 'age', 'asc'))).toEqual(['new', 'old']);
  });

  it('sorts pods by fullness against maxPods', () => {
    const rows = [
      testNode({ name: 'big', podCount: 50, allocatable: { cpuMillis: 1, memoryBytes: 1, pods: 250 } }),
      testNode({ name: 'small', podCount: 30, allocatable: { cpuMillis: 1, memoryBytes: 1, pods: 32 } }),
    ];
    expect(names(sortNodes(rows, 'pods', 'desc'))).toEqual(['small', 'big']);
  });
});

describe('sortValue', () => {
  it('is undefined for unknown data and zero allocatable', () => {
    const node = testNode({ name: 'x', requests: null, podCount: null, roles: [], kubeletVersion: '?' });
    expect(sortValue('cpuRequests', node)).toBeUndefined();
    expect(sortValue('pods', node)).toBeUndefined();
    expect(sortValue('roles', node)).toBeUndefined();
    expect(sortValue('version', node)).toBeUndefined();
    const empty = testNode({ name: 'y', allocatable: { cpuMillis: 0, memoryBytes: 0, pods: 0 } });
    expect(sortValue('cpu', empty)).toBeUndefined();
  });

  it('has a value for every column of a complete node', () => {
    const extras = { postureFails: new Map([['z', 0]]), headroom: new Map([['z', 12.5]]) };
    for (const column of SORT_COLUMNS) expect(sortValue(column, testNode({ name: 'z' }), extras)).toBeDefined();
  });

  it('sorts by failed posture checks, nodes without a count last in both directions', () => {
    const rows = ['a', 'b', 'c', 'd'].map((name) => testNode({ name }));
    const postureFails = new Map([
      ['a', 3],
      ['b', 0],
      ['d', 7],
    ]);
    expect(names(sortNodes(rows, 'posture', 'desc', { postureFails }))).toEqual(['d', 'a', 'b', 'c']);
    expect(names(sortNodes(rows, 'posture', 'asc', { postureFails }))).toEqual(['b', 'a', 'd', 'c']);
  });

  it('sorts by eviction headroom, a node past its threshold first and unmeasured kubelets last', () => {
    const rows = ['a', 'b', 'c', 'd'].map((name) => testNode({ name }));
    const headroom = new Map([
      ['a', 41.7],
      ['c', -2.1],
      ['d', 3],
    ]);
    expect(names(sortNodes(rows, 'eviction', 'asc', { headroom }))).toEqual(['c', 'd', 'a', 'b']);
    expect(names(sortNodes(rows, 'eviction', 'desc', { headroom }))).toEqual(['a', 'd', 'c', 'b']);
  });
});

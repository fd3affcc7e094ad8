import { describe, expect, it } from 'vitest';
import { countNodes, filterNodes, kubectlStatus, nodeFacets, parseTextQuery } from './node-filters';
import { DEFAULT_VIEW_STATE, NO_ROLE } from './node-view-state';
import { testNode } from './test-nodes';

const cp = testNode({ name: 'k8s-cp-1', roles: ['control-plane'], labels: { zone: 'a' } });
const w2 = testNode({ name: 'k8s-worker-2', pressures: ['MemoryPressure'], labels: { zone: 'b' } });
const w7 = testNode({ name: 'k8s-worker-7', ready: 'False', kubeletVersion: 'v1.29.15', labels: { zone: 'a' } });
const w8 = testNode({ name: 'k8s-worker-8', ready: 'Unknown', pressures: ['DiskPressure'], unschedulable: true });
const bare = testNode({ name: 'gke-pool-x9k2', roles: [], internalIP: '10.9.9.9', labels: { pool: '' } });
const all = [cp, w2, w7, w8, bare];
const names = (rows: { name: string }[]) => rows.map((r) => r.name);
const view = (over: Partial<typeof DEFAULT_VIEW_STATE>) => ({ ...DEFAULT_VIEW_STATE, ...over });

describe('kubectlStatus', () => {
  it('treats Unknown as NotReady, as kubectl prints it', () => {
    expect(kubectlStatus({ ready: 'True' })).toBe('Ready');
    expect(kubectlStatus({ ready: 'False' })).toBe('NotReady');
    expect(kubectlStatus({ ready: 'Unknown' })).toBe('NotReady');
  });
});

describe('parseTextQuery', () => {
  it('separates words from key=value selectors', () => {
    expect(parseTextQuery('  Worker  zone=a pool= ')).toEqual({
      words: ['worker'],
      labels: [
        ['zone', 'a'],
        ['pool', ''],
      ],
    });
  });

  it('treats a leading = as a word, not a selector', () => {
    expect(parseTextQuery('=x').words).toEqual(['=x']);
  });
});

describe('filterNodes', () => {
  it('returns everything for the default view', () => {
    expect(filterNodes(all, DEFAULT_VIEW_STATE)).toHaveLength(5);
  });

  it('matches words in the name or internal IP, case-insensitively', () => {
    expect(names(filterNodes(all, view({ q: 'WORKER' })))).toEqual(['k8s-worker-2', 'k8s-worker-7', 'k8s-worker-8']);
    expect(names(filterNodes(all, view({ q: '10.9.9' })))).toEqual(['gke-pool-x9k2']);
  });

  it('ANDs words and label selectors', () => {
    expect(names(filterNodes(all, view({ q: 'worker zone=a' })))).toEqual(['k8s-worker-7']);
    expect(names(filterNodes(all, view({ q: 'pool=' })))).toEqual(['gke-pool-x9k2']);
  });

  it('filters by status with Unknown counted as NotReady', () => {
    expect(names(filterNodes(all, view({ status: 'NotReady' })))).toEqual(['k8s-worker-7', 'k8s-worker-8']);
  });

  it('filters by role, including nodes without a role', () => {
    expect(names(filterNodes(all, view({ role: 'control-plane' })))).toEqual(['k8s-cp-1']);
    expect(names(filterNodes(all, view({ role: NO_ROLE })))).toEqual(['gke-pool-x9k2']);
  });

  it('filters by exact kubelet version', () => {
    expect(names(filterNodes(all, view({ version: 'v1.29.15' })))).toEqual(['k8s-worker-7']);
  });

  it('filters by pressure: any, none, or one condition', () => {
    expect(names(filterNodes(all, view({ pressure: 'any' })))).toEqual(['k8s-worker-2', 'k8s-worker-8']);
    expect(filterNodes(all, view({ pressure: 'none' }))).toHaveLength(3);
    expect(names(filterNodes(all, view({ pressure: 'DiskPressure' })))).toEqual(['k8s-worker-8']);
  });

  it('filters cordoned nodes', () => {
    expect(names(filterNodes(all, view({ cordoned: true })))).toEqual(['k8s-worker-8']);
  });

  it('returns an empty list when nothing matches', () => {
    expect(filterNodes(all, view({ q: 'nope' }))).toEqual([]);
    expect(filterNodes([], view({ status: 'Ready' }))).toEqual([]);
  });
});

describe('countNodes', () => {
  it('counts NotReady, pressure and cordoned nodes', () => {
    expect(countNodes(all)).toEqual({ total: 5, notReady: 2, underPressure: 2, cordoned: 1 });
    expect(countNodes([])).toEqual({ total: 0, notReady: 0, underPressure: 0, cordoned: 0 });
  });
});

describe('nodeFacets', () => {
  it('lists roles alphabetically with <none> last and versions newest first', () => {
    const v10 = testNode({ name: 'x', kubeletVersion: 'v1.100.0' });
    expect(nodeFacets([...all, v10])).toEqual({
      roles: ['control-plane', 'worker', NO_ROLE],
      versions: ['v1.100.0', 'v1.33.2', 'v1.29.15'],
    });
  });
});

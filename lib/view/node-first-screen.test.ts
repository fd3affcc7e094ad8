import { describe, expect, it } from 'vitest';
import type { NodeListResponse } from '@/lib/api/nodes';
import { FIRST_SCREEN_ROWS, nodeFirstScreen } from './node-first-screen';
import { parseViewState } from './node-view-state';
import { testNode } from './test-nodes';

const loading = { available: false, reason: 'Loading', code: 202, message: 'still loading' } as const;

function list(n: number, over: Partial<NodeListResponse> = {}): NodeListResponse {
  return {
    items: Array.from({ length: n }, (_, i) =>
      testNode({
        name: `node-${i}`,
        ready: i % 10 === 3 ? 'False' : 'True',
        unschedulable: i % 25 === 0,
        kubeletVersion: i % 2 ? 'v1.33.2' : 'v1.31.0',
        usage: { cpuMillis: (i * 37) % 3800, memoryBytes: 2 ** 30 },
      }),
    ),
    metrics: { available: true },
    pods: { available: true },
    context: 'prod',
    fetchedAt: '2026-12-05T14:00:00.000Z',
    ...over,
  };
}

describe('nodeFirstScreen', () => {
  it('holds the first screenful of the view in natural name order, with counts over every node', () => {
    const s = nodeFirstScreen(list(5000), parseViewState({}), 1);
    expect(s.rows?.map((r) => r.name).slice(0, 3)).toEqual(['node-0', 'node-1', 'node-2']);
    expect(s.rows).toHaveLength(FIRST_SCREEN_ROWS);
    expect(s.shown).toBe(5000);
    expect(s.counts).toEqual({ total: 5000, notReady: 500, underPressure: 0, cordoned: 200 });
    expect(s.facets.versions).toEqual(['v1.33.2', 'v1.31.0']);
    expect(s.view).toBe('');
    expect('items' in s).toBe(false);
  });

  it('filters and sorts as the URL says, and counts what matches', () => {
    const s = nodeFirstScreen(list(5000), parseViewState({ status: 'NotReady', sort: 'cpu', dir: 'desc' }), 1);
    expect(s.shown).toBe(500);
    expect(s.view).toBe('status=NotReady&sort=cpu&dir=desc');
    const cpu = (s.rows ?? []).map((r) => r.usage?.cpuMillis ?? -1);
    expect(cpu).toEqual([...cpu].sort((a, b) => b - a));
    expect(s.rows?.every((r) => r.ready === 'False')).toBe(true);
  });

  it('renders no rows for a sort it cannot know yet, and says why', () => {
    const metricsLoading = list(50, { metrics: loading });
    const byCpu = nodeFirstScreen(metricsLoading, parseViewState({ sort: 'cpu' }), 1);
    expect(byCpu.rows).toBeNull();
    expect(byCpu.rowsUnavailable).toMatch(/node metrics, still loading/);
    expect(nodeFirstScreen(metricsLoading, parseViewState({ sort: 'age' }), 1).rows).toHaveLength(FIRST_SCREEN_ROWS);
    expect(nodeFirstScreen(list(50, { pods: loading }), parseViewState({ sort: 'pods' }), 1).rows).toBeNull();
    expect(nodeFirstScreen(list(50), parseViewState({ sort: 'eviction' }), 1).rowsUnavailable).toMatch(/stats/);
    expect(nodeFirstScreen(list(50), parseViewState({ sort: 'posture' }), 1).rows).toBeNull();
  });

  it('holds every row of a small cluster', () => {
    expect(nodeFirstScreen(list(17), parseViewState({}), 1).rows).toHaveLength(17);
  });
});

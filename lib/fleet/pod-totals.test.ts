import { describe, expect, it } from 'vitest';
import { totalsByNode, type PodTotals, type ResourceAmounts } from '@/lib/domain/node-row';
import { formatQuantity, parseQuantity } from '@/lib/domain/quantity';
import { PodTotalsIndex, type PodContribution } from './pod-totals';

const amounts = (list: Record<string, string>): ResourceAmounts =>
  Object.fromEntries(Object.entries(list).map(([k, v]) => [k, parseQuantity(v)]));

const pod = (
  key: string,
  node: string | null,
  requests: Record<string, string>,
  limits: Record<string, string> = {},
): PodContribution => ({ key, node, requests: amounts(requests), limits: amounts(limits) });

/** Totals as plain strings, so exact rationals compare by value ("1500m" and "1.5" alike). */
const text = (m: Map<string, PodTotals>) =>
  Object.fromEntries(
    [...m].map(([node, t]) => [
      node,
      {
        count: t.count,
        requests: Object.fromEntries(Object.entries(t.requests).map(([k, q]) => [k, formatQuantity(q)])),
        limits: Object.fromEntries(Object.entries(t.limits).map(([k, q]) => [k, formatQuantity(q)])),
      },
    ]),
  );

/** What a fresh LIST of these pods gives (the code path the node list used before the watch). */
const fromList = (pods: PodContribution[]) =>
  totalsByNode(
    pods
      .filter((p) => p.node)
      .map((p) => ({
        namespace: 'ns',
        name: p.key,
        nodeName: p.node,
        phase: 'Running',
        requests: p.requests,
        limits: p.limits,
      })),
  );

describe('PodTotalsIndex', () => {
  it('adds pods per node, exactly', () => {
    const idx = new PodTotalsIndex();
    idx.upsert(pod('a/1', 'n1', { cpu: '100m', memory: '128Mi' }, { memory: '256Mi' }));
    idx.upsert(pod('a/2', 'n1', { cpu: '1.5', memory: '1Gi' }));
    idx.upsert(pod('a/3', 'n2', { cpu: '250m' }));
    expect(text(idx.totals())).toEqual({
      n1: { count: 2, requests: { cpu: '1600m', memory: '1152Mi' }, limits: { memory: '256Mi' } },
      n2: { count: 1, requests: { cpu: '250m' }, limits: {} },
    });
  });

  it('a MODIFIED pod replaces what it added before (resized, or moved from unscheduled to a node)', () => {
    const idx = new PodTotalsIndex();
    idx.upsert(pod('a/1', 'n1', { cpu: '100m' }));
    idx.upsert(pod('a/2', null, { cpu: '4' })); // pending, not scheduled: holds nothing
    expect(text(idx.totals())).toEqual({ n1: { count: 1, requests: { cpu: '100m' }, limits: {} } });
    idx.upsert(pod('a/1', 'n1', { cpu: '300m' })); // in-place resize
    idx.upsert(pod('a/2', 'n1', { cpu: '4' })); // bound
    expect(text(idx.totals())).toEqual({ n1: { count: 2, requests: { cpu: '4300m' }, limits: {} } });
    idx.upsert(pod('a/2', null, { cpu: '4' })); // Succeeded: no longer holds anything
    expect(text(idx.totals())).toEqual({ n1: { count: 1, requests: { cpu: '300m' }, limits: {} } });
  });

  it('DELETED subtracts; a resource no pod names any more disappears; an empty node disappears', () => {
    const idx = new PodTotalsIndex();
    idx.upsert(pod('a/1', 'n1', { cpu: '100m', 'nvidia.com/gpu': '1' }));
    idx.upsert(pod('a/2', 'n1', { cpu: '200m' }));
    idx.upsert(pod('a/3', 'n2', { cpu: '0' }));
    idx.remove('a/1');
    expect(text(idx.totals())).toEqual({
      n1: { count: 1, requests: { cpu: '200m' }, limits: {} },
      // an explicit zero request stays a zero, as a fresh list shows it
      n2: { count: 1, requests: { cpu: '0' }, limits: {} },
    });
    idx.remove('a/2');
    idx.remove('a/missing');
    expect([...idx.totals().keys()]).toEqual(['n2']);
    expect(idx.size).toBe(1);
  });

  it('after any sequence of events the totals equal a fresh list of the same pods; a relist replaces everything', () => {
    const idx = new PodTotalsIndex();
    const live = new Map<string, PodContribution>();
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const shapes: Array<Record<string, string>> = [
      { cpu: '100m', memory: '64Mi' },
      { cpu: '1', memory: '1Gi' },
      { cpu: '250m' },
      {},
    ];
    for (let i = 0; i < 3000; i++) {
      const key = `ns/p${rand(200)}`;
      if (rand(4) === 0) {
        idx.remove(key);
        live.delete(key);
      } else {
        const p = pod(key, rand(6) === 0 ? null : `n${rand(20)}`, shapes[rand(4)] ?? {}, shapes[rand(4)] ?? {});
        idx.upsert(p);
        live.set(key, p);
      }
    }
    expect(text(idx.totals())).toEqual(text(fromList([...live.values()])));
  });

  it('shares one snapshot between readers until the next change', () => {
    const idx = new PodTotalsIndex();
    idx.upsert(pod('a/1', 'n1', { cpu: '1' }));
    const first = idx.totals();
    expect(idx.totals()).toBe(first);
    idx.upsert(pod('a/2', 'n1', { cpu: '1' }));
    expect(idx.totals()).not.toBe(first);
  });

  it('past its first 1,024 slots, and through churn that empties and refills nodes, keeps totals exact and reuses slots', () => {
    const idx = new PodTotalsIndex();
    const live = new Map<string, PodContribution>();
    const put = (p: PodContribution) => {
      idx.upsert(p);
      live.set(p.key, p);
    };
    for (let i = 0; i < 3000; i++) put(pod(`ns/a${i}`, `n${i % 7}`, { cpu: `${(i % 5) + 1}00m`, memory: '64Mi' }));
    expect(idx.slotCapacityUsed).toBe(3000);
    expect(text(idx.totals())).toEqual(text(fromList([...live.values()])));
    // every pod of n0..n6 leaves (nodes disappear), then as many arrive on other nodes: no new slots
    for (const key of [...live.keys()]) {
      idx.remove(key);
      live.delete(key);
    }
    expect(idx.totals().size).toBe(0);
    for (let i = 0; i < 3000; i++) put(pod(`ns/b${i}`, `m${i % 11}`, { cpu: '1' }, { memory: `${i % 3}Gi` }));
    expect(idx.slotCapacityUsed).toBe(3000);
    expect(idx.size).toBe(3000);
    expect(text(idx.totals())).toEqual(text(fromList([...live.values()])));
  });
});

import { describe, expect, it } from 'vitest';
import { createFleet } from './create-fleet';
import { minorOf } from './kubelet-defaults';

describe('scale scenario', () => {
  it('generates 5000 nodes, ~30 pods each, 1000 pending CSRs and the latency model', async () => {
    const f = await createFleet({ scenario: 'scale', now: new Date('2026-03-01T12:00:00Z') });
    expect(f.nodes).toHaveLength(5000);
    expect(new Set(f.nodes.map((n) => n.name)).size).toBe(5000);
    expect(f.pods.length).toBeGreaterThan(5000 * 25);
    expect(f.pods.length).toBeLessThan(5000 * 35);
    expect(f.csrs).toHaveLength(1000);
    expect(f.latency).toEqual({ medianMs: 30, tailFraction: 0.01, tailMs: 1000, hungFraction: 0.002 });
    expect(new Set(f.nodes.map((n) => minorOf(n.kubeletVersion)))).toEqual(new Set([27, 28, 29, 30, 31, 32, 33]));
    expect(new Set(f.nodes.map((n) => n.profile)).size).toBe(7);
    expect(f.nodes.filter((n) => n.fault).length).toBeGreaterThan(5);
  }, 180_000);

  it('turns the latency model off on request', async () => {
    const f = await createFleet({
      scenario: 'scale',
      nodes: 20,
      latency: false,
      pendingCsrs: 0,
      now: new Date('2026-03-01T12:00:00Z'),
    });
    expect(f.latency).toBeNull();
    expect(f.nodes).toHaveLength(20);
  });

  it('staggers status reports across the report period instead of refreshing every node at once', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const f = await createFleet({ scenario: 'scale', nodes: 600, latency: false, pendingCsrs: 0, now });
    const counts: number[] = [];
    for (let s = 5; s <= 300; s += 5)
      counts.push((await f.tick(new Date(now.getTime() + s * 1000))).changedNodes.length);
    expect(Math.max(...counts)).toBeLessThan(600 / 10);
    // every reachable node reported once within its nodeStatusReportFrequency (at most 5 min)
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(f.nodes.length - 10);
  });
});

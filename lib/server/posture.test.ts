import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PostureQuerySchema, PostureReportSchema } from '@/lib/api/posture';
import * as z from '@/lib/zod-mini';
import { AppError } from '@/lib/errors';
import { getKube } from '@/lib/k8s/client';
import { DEMO_NODES } from '@/sim/fleet/demo-layout';
import { startSim, type SimHandle } from '@/sim/server/start';
import { getFleet, resetFleetsForTests } from '@/lib/fleet/fleet';
import { evaluateFleetPosture, getPosture } from './posture';

let sim: SimHandle;
const kube = () => getKube({ kubeconfigPath: sim.kubeconfigPath });
/** kubelet reads (configz and stats/summary) the sim has answered through its node proxy */
const proxyReads = () => sim.stats().requestsByKind['nodes/proxy.get'] ?? 0;
const query = (q: Record<string, string>) => PostureQuerySchema.parse(q);
const report = async (q: Record<string, string>) => {
  const a = await getPosture(kube(), query(q));
  if (a.kind !== 'json') throw new Error('expected JSON');
  return z.parse(PostureReportSchema, a.report);
};

beforeAll(async () => {
  sim = await startSim({
    scenario: 'demo',
    port: 0,
    tickMs: 0,
    kubeconfigPath: path.join(mkdtempSync(path.join(tmpdir(), 'kd-posture-')), 'kubeconfig'),
  });
});
afterAll(async () => {
  resetFleetsForTests();
  await sim?.close();
});
beforeEach(() => {
  resetFleetsForTests();
  sim.resetStats();
});

describe('fleet posture against the demo sim', () => {
  it('reads no kubelet once the fleet sweep has cached configz', async () => {
    const sweep = await getFleet(kube()).sweeper('configz').sweepOnce();
    const afterSweep = proxyReads();
    // one read per kubelet, plus one hedge for the demo's slow kubelet (2.5 s: past the 1 s hedge delay)
    expect(getFleet(kube()).configz.hedges).toBe(1);
    expect(afterSweep).toBe(sweep.total + 1);
    await report({ view: 'summary' });
    await report({ view: 'nodes' });
    await getPosture(kube(), query({ format: 'sarif' }));
    expect(proxyReads()).toBe(afterSweep);
  });

  it('on a cold cache reads each kubelet once, and a sweep after it reads none again', async () => {
    const evaluated = await evaluateFleetPosture(kube(), { waitMs: 30_000 });
    const reads = proxyReads();
    // one read per kubelet, plus one hedge for the demo's slow kubelet (2.5 s: past the 1 s hedge delay)
    expect(getFleet(kube()).configz.hedges).toBe(1);
    expect(reads).toBe(evaluated.length + 1);
    await getFleet(kube()).sweeper('configz').sweepOnce();
    expect(proxyReads()).toBe(reads);
  });

  it('answers within its wait: a slow kubelet is pending, then judged on the next request', async () => {
    const first = await evaluateFleetPosture(kube(), { waitMs: 300 });
    expect(first.find((e) => e.name === DEMO_NODES.slow)?.state).toBe('pending');
    expect(first.find((e) => e.name === 'k8s-worker-1')?.state).toBe('ok');
    const later = await evaluateFleetPosture(kube(), { waitMs: 30_000 });
    expect(later.find((e) => e.name === DEMO_NODES.slow)?.state).toBe('ok');
  });

  it('first screen: a fleet with more cold kubelets than it waits for is answered at once, cached nodes judged', async () => {
    // waitMs 30 s would judge every fast kubelet; with more cold reads than waitIfColdAtMost it is not waited for
    const cold = await evaluateFleetPosture(kube(), { waitMs: 30_000, waitIfColdAtMost: 0 });
    expect(cold.length).toBeGreaterThan(0);
    expect(cold.every((e) => e.state === 'pending')).toBe(true);
    // the reads it started went on: once they are cached, the same zero wait judges them
    await evaluateFleetPosture(kube(), { waitMs: 30_000 });
    const warm = await evaluateFleetPosture(kube(), { waitMs: 30_000, waitIfColdAtMost: 0 });
    expect(warm.find((e) => e.name === 'k8s-worker-1')?.state).toBe('ok');
    expect(warm.filter((e) => e.state === 'pending')).toEqual([]);
  });

  it('first screen: the reads of a cold fleet can start after the answer (the page passes Next’s after)', async () => {
    let start: (() => void) | undefined;
    const first = await evaluateFleetPosture(kube(), {
      waitMs: 30_000,
      waitIfColdAtMost: 0,
      deferColdReads: (task) => void (start = task),
    });
    expect(first.every((e) => e.state === 'pending')).toBe(true);
    expect(proxyReads(), 'no kubelet was asked before the answer').toBe(0);
    expect(start).toBeDefined();
    start?.();
    // the next request joins the reads the deferred start put on the wire: one per node, none twice
    const later = await evaluateFleetPosture(kube(), { waitMs: 30_000 });
    expect(later.filter((e) => e.state === 'pending')).toEqual([]);
    // plus one hedge for the demo's slow kubelet, as in the cold-cache test above
    expect(getFleet(kube()).configz.hedges).toBe(1);
    expect(proxyReads()).toBe(later.length + 1);
  });

  it('first screen: a cluster with few cold kubelets is waited for, so its first visit shows them judged', async () => {
    // the demo's 19 nodes, all cold, are within a limit of 1,000: the wait applies (30 s: every fast kubelet answers)
    const r = await evaluateFleetPosture(kube(), { waitMs: 30_000, waitIfColdAtMost: 1000 });
    expect(r.find((e) => e.name === 'k8s-worker-1')?.state).toBe('ok');
    expect(r.filter((e) => e.state === 'pending')).toEqual([]);
  });

  it('lists kubelets whose configz cannot be read with the reason, and counts them nowhere else', async () => {
    const r = await report({ view: 'summary' });
    expect(r.unreadable[DEMO_NODES.forbidden]).toMatch(/^Forbidden: /);
    expect(r.unreadable[DEMO_NODES.malformed]).toMatch(/^MalformedResponse: /);
    expect(r.unreadable[DEMO_NODES.unreachable]).toBeDefined();
    const anon = r.checks.find((c) => c.id === '4.2.1');
    const counted = Object.values(anon?.counts ?? {}).reduce((a, b) => a + b, 0);
    expect(counted).toBe(r.totals.evaluated);
    expect(r.totals.evaluated + r.totals.unreadable + r.totals.pending).toBe(r.totals.nodes);
  });

  it('judges each profile from its own config: GKE leaves the read-only port open, EKS protects kernel defaults', async () => {
    const r = await report({ view: 'full' });
    const check = (id: string) => r.checks.find((c) => c.id === id);
    const [gke] = DEMO_NODES.gke;
    const [eks] = DEMO_NODES.eks;
    expect(check('4.2.4')?.nodes?.[gke]).toBe('fail');
    expect(check('4.2.4')?.values?.[gke]).toBe('10255');
    expect(check('4.2.4')?.nodes?.['k8s-worker-1']).toBe('pass');
    expect(check('V-242434')?.nodes?.[eks]).toBe('pass');
    expect(check('V-242434')?.nodes?.['k8s-worker-1']).toBe('fail');
    expect(check('V-242397')?.nodes?.[DEMO_NODES.controlPlane]).toBe('n/a');
  });

  it('filters by label selector against the watched nodes, and rejects a malformed one', async () => {
    const r = await report({ view: 'nodes', selector: 'cloud.google.com/gke-nodepool=default-pool' });
    expect(r.totals.nodes).toBe(2);
    expect(r.selector).toBe('cloud.google.com/gke-nodepool=default-pool');
    expect(Object.keys(r.nodeCounts ?? {})).toEqual([DEMO_NODES.gke[0]]);
    await expect(getPosture(kube(), query({ selector: 'a in (b' }))).rejects.toMatchObject({
      reason: 'Invalid',
      code: 422,
    } satisfies Partial<AppError>);
  });

  it('answers an unknown check with 404 and a known one with its nodes grouped by value', async () => {
    await expect(getPosture(kube(), query({ view: 'check', check: '4.2.99' }))).rejects.toMatchObject({ code: 404 });
    const r = await report({ view: 'check', check: '4.2.4' });
    expect(r.checks.map((c) => c.id)).toEqual(['4.2.4']);
    expect(r.checks[0]?.groups?.[0]).toMatchObject({ status: 'fail', value: '10255' });
  });

  it('exports CSV and SARIF as downloads named after the context', async () => {
    const csv = await getPosture(kube(), query({ format: 'csv' }));
    expect(csv).toMatchObject({ kind: 'file', contentType: 'text/csv; charset=utf-8' });
    if (csv.kind !== 'file') return;
    expect(csv.filename).toMatch(/^kubelet-posture-[\w.-]+\.csv$/);
    expect(csv.body.split('\r\n')[0]).toMatch(/^node,kubelet_version,benchmark,check/);
    const sarif = await getPosture(kube(), query({ format: 'sarif' }));
    if (sarif.kind !== 'file') throw new Error('expected a file');
    expect(JSON.parse(sarif.body)).toMatchObject({ version: '2.1.0' });
  });
});

/**
 * One road to the kubelet: node pages (the page's server prefetch and the browser's /api/nodes/[name]/configz and
 * /summary calls) opened while a sweep runs share the identity's one pool, so the simulator never sees more
 * kubelet requests in flight than the configured bound, however many pages are open.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { getFleet, resetFleetsForTests } from '@/lib/fleet/fleet';
import { resetKubeCacheForTests } from '@/lib/k8s/client';
import { resetGatesForTests } from '@/lib/server/admission';
import { prefetchNodeDetail } from '@/lib/server/node-detail';
import { getRequestKube } from '@/lib/server/request-kube';
import { startSim, type SimHandle } from '@/sim/server/start';

vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined }) }));

const configzRoute = await import('./nodes/[name]/configz/route');
const summaryRoute = await import('./nodes/[name]/summary/route');

const BOUND = 4;
// 20 page reads at once: above the default admission bound (lib/server/admission.ts), which is not what this tests
const VARS = { KD_FLEET_CONCURRENCY: String(BOUND), KD_KUBELET_TIMEOUT_MS: '4000', KD_MAX_CONCURRENT_REQUESTS: '100' };
let sim: SimHandle;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-pool-'));
  // 300 nodes whose kubelets answer in ~30 ms (1% in ~1 s): a sweep keeps the pool full for seconds. No hung
  // kubelets here: a request our deadline abandons frees its slot at once, while the apiserver (the sim) notices
  // the closed connection a moment later, so for an instant it would count one more than we have in flight.
  sim = await startSim({ scenario: 'scale', nodes: 300, port: 0, tickMs: 0, kubeconfigPath: path.join(dir, 'kc') });
  sim.fleet.latency = { medianMs: 30, tailFraction: 0.01, tailMs: 1000, hungFraction: 0 };
  Object.assign(process.env, VARS, { KUBECONFIG: sim.kubeconfigPath });
  resetEnvForTests();
  resetGatesForTests();
  resetKubeCacheForTests();
  resetFleetsForTests();
});
afterAll(async () => {
  for (const k of ['KUBECONFIG', ...Object.keys(VARS)]) delete process.env[k];
  resetFleetsForTests();
  resetEnvForTests();
  resetGatesForTests();
  resetKubeCacheForTests();
  await sim?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const params = (name: string) => ({ params: Promise.resolve({ name }) });
const get = (name: string, what: 'configz' | 'summary') =>
  new Request(`http://127.0.0.1/api/nodes/${name}/${what}`, { headers: { accept: 'application/json' } });

describe('kubelet reads during a sweep', () => {
  it('node pages opened during a sweep never push the kubelet requests in flight past the bound', async () => {
    const kube = await getRequestKube();
    const fleet = getFleet(kube);
    await fleet.nodes.ready();
    const names = fleet.nodes.list().map((w) => w.node.name);
    const opened = names.slice(100, 110); // not the first ones the sweep asks
    sim.resetStats();

    const sweep = fleet.sweeper('stats').sweepOnce();
    await vi.waitFor(() => expect(fleet.limiter.inFlight).toBe(BOUND)); // the sweep fills the pool
    const answers = await Promise.all(
      opened.flatMap((name) => [
        configzRoute.GET(get(name, 'configz'), params(name)),
        summaryRoute.GET(get(name, 'summary'), params(name)),
      ]),
    );
    const pages = await Promise.all(opened.map((name) => prefetchNodeDetail(kube, name)));
    const swept = await sweep;

    const stats = sim.stats();
    expect(stats.maxInFlightProxy).toBeLessThanOrEqual(BOUND);
    // the sweep held every slot, so one read outside the pool would have shown as BOUND + 1
    expect(stats.maxInFlightProxy).toBe(BOUND);
    expect(swept.total).toBe(names.length);
    // the pages were served, each by its own kubelet (the fleet started empty: nothing was cached before)
    for (const res of answers) expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    const summaries = await Promise.all(answers.filter((_, i) => i % 2 === 1).map((r) => r.json()));
    expect(summaries.map((s: { node: { nodeName?: string } }) => s.node.nodeName)).toEqual(opened);
    expect(pages.every((p) => !p.notFound && p.node?.name)).toBe(true);
  }, 60_000);
});

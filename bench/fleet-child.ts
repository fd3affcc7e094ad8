/**
 * The fleet layer alone, in its own process, against a running sim: `tsx --conditions=react-server
 * bench/fleet-child.ts <kubeconfig> <sim-url> <admin-token>` prints one JSON line of figures. Run by
 * bench/fleet-bench.ts; its RSS is the fleet layer's (plus Node's baseline), not the bench's or the sim's.
 */
import { Agent, request } from 'node:https';
import type { FleetKind, FleetNodeResult } from '../lib/api/fleet';
import { getFleet, resetFleetsForTests } from '../lib/fleet/fleet';
import { fleetSettings } from '../lib/fleet/settings';
import { getKube } from '../lib/k8s/client';

const [kubeconfigPath, simUrl, adminToken, caFile] = process.argv.slice(2);
if (!kubeconfigPath || !simUrl || !adminToken || !caFile) throw new Error('usage: fleet-child <kubeconfig> <sim-url> <admin-token> <ca-file>');

const { readFileSync } = await import('node:fs');
const agent = new Agent({ ca: readFileSync(caFile, 'utf8') });

function simctl(method: 'GET' | 'POST', path: string): Promise<{ maxInFlightProxy: number; total: number; requestsByKind: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, simUrl), { method, agent, headers: { authorization: `Bearer ${adminToken}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
    req.end();
  });
}

let peakRss = 0;
const rssMb = () => process.memoryUsage.rss() / 2 ** 20;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb())), 50);

const proxyRequests = (s: { requestsByKind: Record<string, number> }) =>
  Object.entries(s.requestsByKind)
    .filter(([k]) => /proxy/i.test(k))
    .reduce((n, [, c]) => n + c, 0);

async function sweep(kind: FleetKind, viewers: number) {
  resetFleetsForTests();
  const kube = getKube({ kubeconfigPath, context: 'sim-admin' });
  const fleet = getFleet(kube);
  const t0 = performance.now();
  await fleet.nodes.ready();
  const listMs = performance.now() - t0;
  await simctl('POST', '/simctl/stats/reset');
  const started = performance.now();
  let firstMs = -1;
  const perViewer = Array.from({ length: viewers }, () => new Map<string, FleetNodeResult>());
  const sweeper = fleet.sweeper(kind);
  const done = new Promise<void>((resolve) => {
    let finished = 0;
    const unsubs = perViewer.map((m) =>
      sweeper.subscribe({
        onNodes: (rs) => {
          if (firstMs < 0) firstMs = performance.now() - started;
          for (const r of rs) m.set(r.name, r);
        },
        onSweep: () => {
          if (++finished === viewers) {
            unsubs.forEach((u) => u());
            resolve();
          }
        },
      }),
    );
  });
  await done;
  const wallMs = performance.now() - started;
  const sim = await simctl('GET', '/simctl/stats');
  const results = [...(perViewer[0]?.values() ?? [])];
  const reasons: Record<string, number> = {};
  for (const r of results) if (r.state === 'error') reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
  return {
    kind,
    viewers,
    nodes: fleet.nodes.size,
    listMs,
    firstMs,
    wallMs,
    ok: results.filter((r) => r.state === 'ok').length,
    errors: reasons,
    everyViewerComplete: perViewer.every((m) => m.size === fleet.nodes.size),
    simProxyRequests: proxyRequests(sim),
    simMaxInFlight: sim.maxInFlightProxy,
    poolMaxInFlight: fleet.limiter.maxInFlight,
    distinctConfigs: fleet.configz.distinctBodies,
  };
}

const settings = fleetSettings();
const baselineRss = rssMb();
const configz1 = await sweep('configz', 1);
const stats1 = await sweep('stats', 1);
const stats10 = await sweep('stats', 10);
const configz10 = await sweep('configz', 10);
// Steady state: one identity's caches held (5,000 nodes, configz bodies, stats signals), no sweep running.
const kube = getKube({ kubeconfigPath, context: 'sim-admin' });
const fleet = getFleet(kube);
await fleet.sweeper('configz').sweepOnce();
await new Promise((r) => setTimeout(r, 3000));
global.gc?.();
await new Promise((r) => setTimeout(r, 500));
const steadyRss = rssMb();
const steadyHeapMb = process.memoryUsage().heapUsed / 2 ** 20;
clearInterval(sampler);
console.log(JSON.stringify({ settings, baselineRss, peakRss, steadyRss, steadyHeapMb, configz1, stats1, stats10, configz10 }));
process.exit(0);

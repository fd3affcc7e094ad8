/**
 * The fleet layer alone, in its own process, against a running sim: bench/fleet-bench.ts bundles this file
 * with esbuild (as Next compiles server code: no transpiler in the process) and runs
 * `node fleet-child.mjs sweeps|memory <kubeconfig> <sim-url> <admin-token> <ca-file>`, which prints one JSON
 * line of figures. `sweeps`: 1 vs 10 viewers, each sweep on a fresh fleet. `memory`: one fleet, as the
 * server holds it per identity, through a configz sweep and two stats sweeps with ten viewers; its RSS is
 * the fleet layer's (plus Node's baseline), not the bench's or the sim's.
 */
import { Agent, request } from 'node:https';
import type { FleetKind, FleetNodeResult } from '../lib/api/fleet';
import { getFleet, resetFleetsForTests } from '../lib/fleet/fleet';
import { fleetSettings } from '../lib/fleet/settings';
import { getKube } from '../lib/k8s/client';

const [mode, kubeconfigPath, simUrl, adminToken, caFile] = process.argv.slice(2);
if ((mode !== 'sweeps' && mode !== 'memory') || !kubeconfigPath || !simUrl || !adminToken || !caFile) {
  throw new Error('usage: fleet-child sweeps|memory <kubeconfig> <sim-url> <admin-token> <ca-file>');
}

const { readFileSync } = await import('node:fs');
const agent = new Agent({ ca: readFileSync(caFile, 'utf8') });

function simctl(
  method: 'GET' | 'POST',
  path: string,
): Promise<{
  maxInFlightProxy: number;
  total: number;
  requestsByKind: Record<string, number>;
  tlsConnections: number;
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, simUrl),
      { method, agent, headers: { authorization: `Bearer ${adminToken}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
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
  let markedMs = -1;
  let stragglersMarked = 0;
  const perViewer = Array.from({ length: viewers }, () => new Map<string, FleetNodeResult>());
  const sweeper = fleet.sweeper(kind);
  const done = new Promise<void>((resolve) => {
    let finished = 0;
    const unsubs = perViewer.map((m) =>
      sweeper.subscribe({
        onNodes: (rs) => {
          if (firstMs < 0) firstMs = performance.now() - started;
          for (const r of rs) m.set(r.name, r);
          if (m === perViewer[0]) stragglersMarked += rs.filter((r) => r.state === 'pending').length;
          // resolved (ok or error) or marked as a straggler (pending): nothing left that says nothing
          if (markedMs < 0 && m === perViewer[0] && m.size === fleet.nodes.size) markedMs = performance.now() - started;
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
  // A stats sweep on a cold fleet also reads each node's configz once, for its own eviction thresholds
  // (queued behind the stats reads): count requests once the pool is idle, so both runs count them all.
  while (fleet.limiter.inFlight > 0 || fleet.limiter.queued > 0) await new Promise((r) => setTimeout(r, 50));
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
    markedMs,
    wallMs,
    stragglersMarked,
    tlsConnections: sim.tlsConnections,
    ok: results.filter((r) => r.state === 'ok').length,
    errors: reasons,
    everyViewerComplete: perViewer.every((m) => m.size === fleet.nodes.size),
    simProxyRequests: proxyRequests(sim),
    simMaxInFlight: sim.maxInFlightProxy,
    poolMaxInFlight: fleet.limiter.maxInFlight,
    distinctConfigs: fleet.configz.distinctBodies,
    statsReads: fleet.stats.requests,
    configzReads: fleet.configz.requests,
  };
}

const settings = fleetSettings();
const baselineRss = rssMb();
if (mode === 'sweeps') {
  const configz1 = await sweep('configz', 1);
  const stats1 = await sweep('stats', 1);
  const stats10 = await sweep('stats', 10);
  const configz10 = await sweep('configz', 10);
  clearInterval(sampler);
  console.log(JSON.stringify({ settings, configz1, stats1, stats10, configz10 }));
} else {
  // One identity's fleet as the server keeps it: a configz sweep, then the stats loop with ten viewers.
  resetFleetsForTests();
  const kube = getKube({ kubeconfigPath, context: 'sim-admin' });
  const fleet = getFleet(kube);
  await fleet.nodes.ready();
  await fleet.sweeper('configz').sweepOnce();
  // Ten viewers on the stats loop, as a watched node list runs it: each sweep re-reads every node, then the loop
  // idles one refresh period. Steady = RSS at the end of an idle window, just before the next sweep would start
  // (caches for 5,000 nodes held, viewers subscribed, no forced GC), in three windows: V8 shrinks its heap on its
  // own schedule, so one window can catch it before it has.
  const windows: number[] = [];
  let unsubs: Array<() => void> = [];
  await new Promise<void>((resolve) => {
    unsubs = Array.from({ length: 10 }, (_, i) =>
      fleet.sweeper('stats').subscribe({
        onNodes: () => undefined,
        onSweep: () => {
          if (i !== 0) return;
          setTimeout(() => {
            windows.push(rssMb());
            if (windows.length === 3) resolve();
          }, settings.refreshMs - 500);
        },
      }),
    );
  });
  const sorted = [...windows].sort((x, y) => x - y);
  const steadyRss = sorted[1] as number;
  const steadyHeapMb = process.memoryUsage().heapUsed / 2 ** 20;
  unsubs.forEach((u) => u());
  clearInterval(sampler);
  console.log(
    JSON.stringify({
      baselineRss,
      peakRss,
      steadyRss,
      steadyWindows: windows,
      steadyHeapMb,
      nodes: fleet.nodes.size,
      distinctConfigs: fleet.configz.distinctBodies,
    }),
  );
}
process.exit(0);

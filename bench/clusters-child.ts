/**
 * The fleet overview's use case alone, compiled as Next compiles server code (bench/clusters-bench.ts bundles it
 * with esbuild, react-server condition): `node clusters-child.mjs <kubeconfig>` runs lib/server/cluster-overview.ts
 * over every context of the kubeconfig once, then reads each sim's own request statistics, and prints one JSON
 * line of figures.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { parse } from 'yaml';
import type { ClusterEvent } from '../lib/api/clusters';
import { fleetSettings } from '../lib/fleet/settings';
import { getKube } from '../lib/k8s/client';
import { clusterOverview } from '../lib/server/cluster-overview';

const [kubeconfigPath] = process.argv.slice(2);
if (!kubeconfigPath) throw new Error('usage: clusters-child <kubeconfig>');

interface Kc {
  clusters: Array<{ name: string; cluster: { server: string; 'certificate-authority-data': string } }>;
  users: Array<{ name: string; user: { token: string } }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
}
const kc = parse(readFileSync(kubeconfigPath, 'utf8')) as Kc;

/** GET /simctl/stats of one sim, as that cluster's admin. */
function simStats(context: string): Promise<{ maxInFlightProxy: number; requestsByKind: Record<string, number> }> {
  const ctx = kc.contexts.find((c) => c.name === context)?.context;
  const cluster = kc.clusters.find((c) => c.name === ctx?.cluster)?.cluster;
  const token = kc.users.find((u) => u.name === ctx?.user)?.user.token;
  if (!cluster || !token) throw new Error(`no cluster or token for ${context}`);
  const agent = new Agent({ ca: Buffer.from(cluster['certificate-authority-data'], 'base64').toString() });
  return new Promise((resolve, reject) => {
    const req = request(
      new URL('/simctl/stats', cluster.server),
      { agent, headers: { authorization: `Bearer ${token}` } },
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

// one context per cluster: the first cluster's kubeconfig also has `sim-viewer`, a second identity on that cluster
const contexts = kc.contexts.map((c) => c.name).filter((n) => n !== 'sim-viewer');
const kubes = contexts.map((context) => getKube({ kubeconfigPath, context }));
const complete = new Map<string, number>();
const parts = new Map<string, number>();
let firstRowMs = -1;
let partialRows = 0;
let failedParts = 0;
const failures: Record<string, number> = {};
const t0 = performance.now();
await clusterOverview(kubes, (e: ClusterEvent) => {
  const at = performance.now() - t0;
  if (e.type === 'start' || e.type === 'end') return;
  if (e.type === 'api' && firstRowMs < 0) firstRowMs = at;
  if (e.type === 'kubelets' && e.kubelets.ok && e.kubelets.partial) partialRows++;
  const value = e.type === 'api' ? e.api : e.type === 'nodes' ? e.nodes : e.type === 'csrs' ? e.csrs : e.kubelets;
  if (!value.ok) {
    failedParts++;
    const key = `${e.type}: ${value.problem}`;
    failures[key] = (failures[key] ?? 0) + 1;
  }
  const n = (parts.get(e.context) ?? 0) + 1;
  parts.set(e.context, n);
  if (n === 4) complete.set(e.context, at);
});
const stats = await Promise.all(contexts.map(simStats));
console.log(
  JSON.stringify({
    contexts: contexts.length,
    firstRowMs,
    rowsComplete: complete.size,
    lastRowMs: Math.max(...complete.values()),
    partialRows,
    failedParts,
    failures,
    maxInFlightPerCluster: Math.max(...stats.map((s) => s.maxInFlightProxy)),
    proxyRequests: stats.reduce((n, s) => n + (s.requestsByKind['nodes/proxy.get'] ?? 0), 0),
    bound: fleetSettings().concurrency,
  }),
);
process.exit(0);

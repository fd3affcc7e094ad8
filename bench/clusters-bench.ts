/**
 * Fleet overview at scale (issue 18): 20 kubeconfig contexts × 500 nodes, each its own simulated cluster (own
 * port, CA, tokens; latency model on), all in one sim process; measured as users get it: the production server
 * (`next start`, bench/prod-server.ts) answering GET /api/clusters, whose NDJSON events the /clusters page renders
 * as they arrive. Also reported: how the machine's cores were shared between the server and the sims, since the
 * simulated API servers and kubelets run on the same 2 cores as the dashboard. Standalone:
 * `npx tsx bench/clusters-bench.ts` (after `npm run build`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { cpuSeconds, startProdServer } from './prod-server';
import { benchBuildDir } from './server-bench';
import type { BenchSection } from './sim-bench';

const CONTEXTS = 20;
const NODES = 500;
const FIRST_ROW_TARGET_MS = 1000;
const EVERY_ROW_TARGET_MS = 10_000;
/** the fleet layer's default bound of kubelet requests in flight per identity (lib/fleet/settings.ts) */
const FLEET_BOUND = 48;

/** The parts of one overview event the bench reads (lib/api/clusters.ts is the contract). */
const EventSchema = z.object({
  type: z.enum(['start', 'api', 'nodes', 'csrs', 'kubelets', 'end']),
  context: z.string().optional(),
  api: z.object({ ok: z.boolean(), problem: z.string().optional(), message: z.string().optional() }).optional(),
  nodes: z.object({ ok: z.boolean(), problem: z.string().optional(), message: z.string().optional() }).optional(),
  csrs: z.object({ ok: z.boolean(), problem: z.string().optional(), message: z.string().optional() }).optional(),
  kubelets: z
    .object({
      problem: z.string().optional(),
      message: z.string().optional(),
      ok: z.boolean(),
      partial: z.boolean().optional(),
      statsRead: z.number().optional(),
      configzRead: z.number().optional(),
    })
    .optional(),
});

const SimStatsSchema = z.object({
  maxInFlightProxy: z.number(),
  tlsConnections: z.number(),
  requestsByKind: z.record(z.string(), z.number()),
});

interface Kc {
  clusters: Array<{ name: string; cluster: { server: string; 'certificate-authority-data': string } }>;
  users: Array<{ name: string; user: { token: string } }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
}

/** GET /simctl/stats of one sim (its own request counters), as that cluster's admin. */
function simStats(kc: Kc, context: string): Promise<z.infer<typeof SimStatsSchema>> {
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
        res.on('end', () => {
          agent.destroy();
          try {
            resolve(SimStatsSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          } catch (err) {
            reject(err);
          }
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

interface Figures {
  firstRowMs: number;
  rowsComplete: number;
  lastRowMs: number;
  partialRows: number;
  failedParts: number;
  /** failed parts by event type, category and message */
  failures: Record<string, number>;
  kubeletReads: number;
  kubeletReadsWanted: number;
  serverCpuS: number;
  simCpuS: number;
  maxInFlightPerCluster: number;
  proxyRequests: number;
  /** TLS connections the sims accepted in all (every API request and kubelet read shares them when kept alive) */
  tlsConnections: number;
  requests: number;
}

/** Reads GET /api/clusters to its end, timing each event from the moment the request was sent. */
async function readOverview(
  base: string,
  contexts: readonly string[],
): Promise<
  Omit<Figures, 'serverCpuS' | 'simCpuS' | 'maxInFlightPerCluster' | 'proxyRequests' | 'tlsConnections' | 'requests'>
> {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/clusters?contexts=${contexts.map(encodeURIComponent).join(',')}`);
  if (!res.ok || !res.body) throw new Error(`GET /api/clusters answered ${res.status}`);
  const parts = new Map<string, number>();
  const complete = new Map<string, number>();
  let firstRowMs = -1;
  let partialRows = 0;
  let failedParts = 0;
  const failures: Record<string, number> = {};
  let kubeletReads = 0;
  let buffered = '';
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    const at = performance.now() - t0;
    buffered += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const e = EventSchema.parse(JSON.parse(line));
      if (e.type === 'start' || e.type === 'end' || !e.context) continue;
      if (e.type === 'api' && firstRowMs < 0) firstRowMs = at;
      const part = e.api ?? e.nodes ?? e.csrs ?? e.kubelets;
      if (part && !part.ok) {
        failedParts++;
        const key = `${e.type}: ${part.problem ?? '?'} (${part.message ?? ''})`;
        failures[key] = (failures[key] ?? 0) + 1;
      }
      if (e.kubelets?.ok) {
        if (e.kubelets.partial) partialRows++;
        kubeletReads += (e.kubelets.statsRead ?? 0) + (e.kubelets.configzRead ?? 0);
      }
      const n = (parts.get(e.context) ?? 0) + 1;
      parts.set(e.context, n);
      if (n === 4) complete.set(e.context, at);
    }
  }
  return {
    firstRowMs,
    rowsComplete: complete.size,
    lastRowMs: complete.size > 0 ? Math.max(...complete.values()) : Number.NaN,
    partialRows,
    failedParts,
    failures,
    kubeletReads,
    kubeletReadsWanted: contexts.length * NODES * 2,
  };
}

export async function benchClusters(): Promise<BenchSection> {
  const dir = await mkdtemp(path.join(tmpdir(), 'clusters-bench-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const sims = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/clusters-sims.ts', String(CONTEXTS), String(NODES), kubeconfig],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  let server: Awaited<ReturnType<typeof startProdServer>> | undefined;
  try {
    const deadline = Date.now() + 300_000;
    while (!existsSync(kubeconfig)) {
      if (sims.exitCode !== null) throw new Error('the bench sims exited before listening');
      if (Date.now() > deadline) throw new Error(`${CONTEXTS} sims did not start in 300 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const kc = parse(readFileSync(kubeconfig, 'utf8')) as Kc;
    // one context per cluster: the first cluster's kubeconfig also has `sim-viewer`, a second identity on it
    const contexts = kc.contexts.map((c) => c.name).filter((n) => n !== 'sim-viewer');
    server = await startProdServer({
      buildDir: benchBuildDir(),
      port: Number(process.env.KD_BENCH_PORT ?? 3411) + 6,
      kubeconfig,
    });
    // The server warms the default context at start (node and pod watches, lib/server/warm-up.ts): a user
    // opens /clusters on a running server, so wait until it is quiet (under 5 % of a core for a second)
    for (let waited = 0; waited < 30_000; waited += 1000) {
      const before = cpuSeconds(server.pid);
      await new Promise((r) => setTimeout(r, 1000));
      if (cpuSeconds(server.pid) - before < 0.05) break;
    }
    const simPid = sims.pid ?? 0;
    const cpu0 = { server: cpuSeconds(server.pid), sim: cpuSeconds(simPid) };
    const read = await readOverview(server.base, contexts);
    const f: Figures = {
      ...read,
      serverCpuS: cpuSeconds(server.pid) - cpu0.server,
      simCpuS: cpuSeconds(simPid) - cpu0.sim,
      maxInFlightPerCluster: 0,
      proxyRequests: 0,
      tlsConnections: 0,
      requests: 0,
    };
    const stats = await Promise.all(contexts.map((c) => simStats(kc, c)));
    f.maxInFlightPerCluster = Math.max(...stats.map((st) => st.maxInFlightProxy));
    f.proxyRequests = stats.reduce((n, st) => n + (st.requestsByKind['nodes/proxy.get'] ?? 0), 0);
    f.tlsConnections = stats.reduce((n, st) => n + st.tlsConnections, 0);
    f.requests = stats.reduce((n, st) => n + Object.values(st.requestsByKind).reduce((a, b) => a + b, 0), 0);
    return section(f, contexts.length);
  } finally {
    await server?.stop();
    sims.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (sims.exitCode === null) sims.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}

function section(f: Figures, contexts: number): BenchSection {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const perRead = (cpuS: number) =>
    f.proxyRequests > 0 ? `${((cpuS * 1000) / f.proxyRequests).toFixed(2)} ms` : 'n/a';
  const wall = f.lastRowMs / 1000;
  return {
    title: `Fleet overview (${contexts} contexts × ${NODES} nodes, each its own sim cluster, latency model on; production server, GET /api/clusters; all sims in one process on the same 2 cores)`,
    rows: [
      {
        metric: 'first row (API server reachable, its version)',
        value: s(f.firstRowMs),
        target: '≤ 1 s',
        ok: f.firstRowMs >= 0 && f.firstRowMs <= FIRST_ROW_TARGET_MS,
      },
      {
        metric: `every row complete (API, node counts, pending CSRs with checks, headroom and variants from one stats and one configz read of every kubelet); ${f.rowsComplete} of ${contexts} rows, ${f.partialRows} cut at the 9 s deadline, ${f.failedParts} failed parts${
          f.failedParts > 0
            ? ` (${Object.entries(f.failures)
                .map(([k, n]) => `${k} ×${n}`)
                .join(', ')})`
            : ''
        }; kubelet reads answered by then ${f.kubeletReads.toLocaleString('en-US')} of ${f.kubeletReadsWanted.toLocaleString('en-US')}`,
        value: s(f.lastRowMs),
        target: '≤ 10 s',
        ok: f.lastRowMs <= EVERY_ROW_TARGET_MS && f.rowsComplete === contexts && f.partialRows === 0,
      },
      {
        metric: `CPU used while the overview ran: server / sims (of ${(2 * wall).toFixed(1)} CPU-s the 2 cores offer in that time); per kubelet proxy request (${f.proxyRequests.toLocaleString('en-US')} sent)`,
        value: `${f.serverCpuS.toFixed(1)} / ${f.simCpuS.toFixed(1)} CPU-s; ${perRead(f.serverCpuS)} / ${perRead(f.simCpuS)}`,
        target: 'info',
        ok: true,
      },
      {
        metric: 'TLS connections the sims accepted / requests they answered (all clusters)',
        value: `${f.tlsConnections.toLocaleString('en-US')} / ${f.requests.toLocaleString('en-US')}`,
        target: 'info',
        ok: true,
      },
      {
        metric: 'max kubelet proxy requests in flight at any one cluster',
        value: String(f.maxInFlightPerCluster),
        target: `≤ ${FLEET_BOUND} (the fleet bound)`,
        ok: f.maxInFlightPerCluster <= FLEET_BOUND,
      },
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const section = await benchClusters();
  console.log(JSON.stringify(section, null, 2));
}

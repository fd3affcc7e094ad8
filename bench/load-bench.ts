/**
 * Load (issue 19, item 3): a fresh production server on the scale sim under 200 concurrent keep-alive clients
 * polling /api/nodes and 100 open /api/fleet/stream viewers, while a probe asks /healthz on a fresh connection
 * five times a second, as a kubelet's liveness probe does. Clients honour Retry-After after a 503, as the
 * browser's query layer does. Figures: /healthz p99 and max, the slowest request of any kind, how many
 * requests were shed, and the server's RSS peak under load.
 */
import http from 'node:http';
import { scaleSim } from './fleet-bench';
import { get, loadAverage, median, openSse, sleep, startProdServer } from './prod-server';
import { benchBuildDir, progress } from './server-bench';
import type { BenchSection } from './sim-bench';

const CLIENTS = 200;
const STREAMS = 100;
const LOAD_MS = 30_000;
const PROBE_EVERY_MS = 200;
/** the node list page polls /api/nodes this often (lib/queries/nodes.ts) */
const POLL_S = 10;

const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number);
};

interface LoadFigures {
  ok: number;
  shed: number;
  failed: number;
  nodesMs: number[];
  maxRequestMs: number;
  probeMs: number[];
  probeFailures: number;
  streamsOpen: number;
  streamsRefused: number;
  peakMiB: number;
  loadAverage: string;
}

/** One keep-alive client: GET /api/nodes in a loop until `until`, waiting Retry-After after a 503. */
async function client(base: string, until: number, f: LoadFigures): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    while (performance.now() < until) {
      const t0 = performance.now();
      const r = await get(`${base}/api/nodes`, {
        agent,
        headers: { 'accept-encoding': 'gzip', accept: 'application/json' },
        timeoutMs: 60_000,
      }).catch(() => undefined);
      const ms = performance.now() - t0;
      f.maxRequestMs = Math.max(f.maxRequestMs, ms);
      if (!r) f.failed++;
      else if (r.status === 503) {
        f.shed++;
        await sleep(Number(r.headers['retry-after'] ?? 1) * 1000);
      } else if (r.status === 200) {
        f.ok++;
        f.nodesMs.push(ms);
      } else f.failed++;
    }
  } finally {
    agent.destroy();
  }
}

async function probe(base: string, until: number, f: LoadFigures): Promise<void> {
  const inflight: Promise<void>[] = [];
  while (performance.now() < until) {
    inflight.push(
      get(`${base}/healthz`, { timeoutMs: 60_000 }).then(
        (r) => {
          if (r.status === 200) f.probeMs.push(r.ms);
          else f.probeFailures++;
          f.maxRequestMs = Math.max(f.maxRequestMs, r.ms);
        },
        () => void f.probeFailures++,
      ),
    );
    await sleep(PROBE_EVERY_MS);
  }
  await Promise.all(inflight);
}

export async function benchLoad(): Promise<BenchSection> {
  const s = await scaleSim();
  const port = Number(process.env.KD_BENCH_PORT ?? 3411) + 3;
  progress(`load section: a fresh production server, ${CLIENTS} clients + ${STREAMS} streams for ${LOAD_MS / 1000} s`);
  const server = await startProdServer({ buildDir: benchBuildDir(), port, kubeconfig: s.kubeconfig });
  const f: LoadFigures = {
    ok: 0,
    shed: 0,
    failed: 0,
    nodesMs: [],
    maxRequestMs: 0,
    probeMs: [],
    probeFailures: 0,
    streamsOpen: 0,
    streamsRefused: 0,
    peakMiB: 0,
    loadAverage: loadAverage(),
  };
  const closers: Array<() => void> = [];
  try {
    // warm, as a running server is: the node watch, pod totals and metrics loaded once
    for (let i = 0; i < 60; i++) {
      const r = await get(`${server.base}/api/nodes`, { headers: { accept: 'application/json' } });
      const body = JSON.parse(r.body.toString('utf8')) as { pods?: { available?: boolean } };
      if (body.pods?.available) break;
      await sleep(500);
    }
    const from = server.rss.elapsed();
    for (let i = 0; i < STREAMS; i++) {
      const { status, close } = await openSse(`${server.base}/api/fleet/stream?kind=stats`, () => undefined);
      closers.push(close);
      if (status === 200) f.streamsOpen++;
      else f.streamsRefused++;
    }
    const until = performance.now() + LOAD_MS;
    await Promise.all([
      probe(server.base, until, f),
      ...Array.from({ length: CLIENTS }, () => client(server.base, until, f)),
    ]);
    f.peakMiB = server.rss.peak(from).treeMiB;
  } finally {
    for (const c of closers) c();
    await server.stop();
  }
  const ms = (n: number) => (Number.isNaN(n) ? 'none' : n < 1000 ? `${n.toFixed(0)} ms` : `${(n / 1000).toFixed(2)} s`);
  const p99 = percentile(f.probeMs, 99);
  return {
    title: `Load: ${CLIENTS} keep-alive clients polling /api/nodes + ${STREAMS} open streams for ${LOAD_MS / 1000} s (production server, scale sim; load average at start ${f.loadAverage})`,
    rows: [
      {
        metric: `/healthz on a fresh connection every ${PROBE_EVERY_MS} ms under that load: p99 (${f.probeMs.length} answered, ${f.probeFailures} failed; median ${ms(median(f.probeMs))}, max ${ms(Math.max(0, ...f.probeMs))})`,
        value: ms(p99),
        target: '≤ 1 s',
        ok: f.probeFailures === 0 && p99 <= 1000,
      },
      {
        metric: 'slowest request of any kind (/api/nodes, shed or not, and /healthz)',
        value: ms(f.maxRequestMs),
        target: '≤ 5 s',
        ok: f.maxRequestMs <= 5000,
      },
      {
        metric: `/api/nodes answered 200 (median ${ms(median(f.nodesMs))}, p99 ${ms(percentile(f.nodesMs, 99))}) / shed with 503 + Retry-After / failed`,
        value: `${f.ok} / ${f.shed} / ${f.failed}`,
        target: 'none failed',
        ok: f.failed === 0,
      },
      {
        metric: 'streams opened / refused with 503',
        value: `${f.streamsOpen} / ${f.streamsRefused}`,
        target: `${STREAMS} / 0`,
        ok: f.streamsOpen === STREAMS,
      },
      {
        metric: `viewers one replica serves at this fleet size: node-list answers per second under saturation × the page's ${POLL_S} s poll`,
        value: String(Math.floor((f.ok / (LOAD_MS / 1000)) * POLL_S)),
        target: 'info (docs/deploy.md)',
        ok: true,
      },
      {
        metric: 'server RSS peak under load (sampled every 50 ms)',
        value: `${f.peakMiB.toFixed(0)} MiB`,
        target: 'info',
        ok: true,
      },
    ],
  };
}

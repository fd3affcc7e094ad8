/**
 * Load (issue 19, item 3): a fresh production server on the scale sim under 200 concurrent keep-alive clients
 * polling /api/nodes and 100 open /api/fleet/stream viewers, while a probe asks /healthz on a fresh connection
 * five times a second, as a kubelet's liveness probe does. Clients honour Retry-After after a 503, as the
 * browser's query layer does; the probe runs in its own process, as a kubelet's does. Figures: /healthz p99 and max, the slowest request of any kind, how many
 * requests were shed, and the server's RSS peak under load.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { scaleSim } from './fleet-bench';
import { cpuSeconds, get, loadAverage, median, openSse, sleep, startProdServer } from './prod-server';
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
  /** the probe listener's port (KD_PROBE_PORT, what deploy/deployment.yaml probes) and the main port */
  probes: Record<'dedicated' | 'main', { ms: number[]; failed: number }>;
  streamsOpen: number;
  streamsRefused: number;
  /** streams the server ended while the bench held them open (a viewer too slow to read is cut: fleet-stream.ts) */
  streamsEnded: number;
  peakMiB: number;
  loadAverage: string;
  /** CPU seconds used during the load window by the server, the sim and this process (the clients) */
  cpu: { server: number; sim: number; clients: number };
}

/** One keep-alive client: GET /api/nodes in a loop until `until`, waiting Retry-After after a 503. */
async function client(base: string, until: number, f: LoadFigures): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    while (performance.now() < until) {
      const t0 = performance.now();
      const once = () =>
        get(`${base}/api/nodes`, {
          agent,
          headers: { 'accept-encoding': 'gzip', accept: 'application/json' },
          timeoutMs: 60_000,
        });
      // after a long Retry-After the server may have closed the idle keep-alive socket: retry once on a new one
      const r = await once()
        .catch((err: { staleKeepAlive?: boolean }) => (err.staleKeepAlive ? once() : Promise.reject(err)))
        .catch(() => undefined);
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

/** The /healthz probe, run in its own process (bench/healthz-probe.ts) so its timings are the server's alone. */
function probe(base: string, forMs: number, f: LoadFigures, which: 'dedicated' | 'main'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.resolve('node_modules/.bin/tsx'),
      ['bench/healthz-probe.ts', base, String(forMs), String(PROBE_EVERY_MS)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`healthz probe exited with ${code}`));
      const r = JSON.parse(out) as { ms: number[]; failed: number };
      f.probes[which].ms.push(...r.ms);
      f.probes[which].failed += r.failed;
      if (which === 'main') f.maxRequestMs = Math.max(f.maxRequestMs, ...r.ms);
      resolve();
    });
  });
}

export async function benchLoad(): Promise<BenchSection> {
  const s = await scaleSim();
  const port = Number(process.env.KD_BENCH_PORT ?? 3411) + 3;
  progress(`load section: a fresh production server, ${CLIENTS} clients + ${STREAMS} streams for ${LOAD_MS / 1000} s`);
  const probePort = port + 100;
  const server = await startProdServer({
    buildDir: benchBuildDir(),
    port,
    kubeconfig: s.kubeconfig,
    env: { KD_PROBE_PORT: String(probePort) },
  });
  const f: LoadFigures = {
    ok: 0,
    shed: 0,
    failed: 0,
    nodesMs: [],
    maxRequestMs: 0,
    probes: { dedicated: { ms: [], failed: 0 }, main: { ms: [], failed: 0 } },
    streamsOpen: 0,
    streamsRefused: 0,
    streamsEnded: 0,
    peakMiB: 0,
    loadAverage: loadAverage(),
    cpu: { server: 0, sim: 0, clients: 0 },
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
      const { status, close } = await openSse(`${server.base}/api/fleet/stream?kind=stats`, () => undefined, {
        onEnd: () => f.streamsEnded++,
      });
      closers.push(close);
      if (status === 200) f.streamsOpen++;
      else f.streamsRefused++;
    }
    const simPid = s.child.pid ?? 0;
    const cpu0 = { server: cpuSeconds(server.pid), sim: cpuSeconds(simPid), clients: process.cpuUsage() };
    const until = performance.now() + LOAD_MS;
    await Promise.all([
      probe(`http://127.0.0.1:${probePort}`, LOAD_MS, f, 'dedicated'),
      probe(server.base, LOAD_MS, f, 'main'),
      ...Array.from({ length: CLIENTS }, () => client(server.base, until, f)),
    ]);
    f.peakMiB = server.rss.peak(from).treeMiB;
    const clients = process.cpuUsage(cpu0.clients);
    f.cpu = {
      server: cpuSeconds(server.pid) - cpu0.server,
      sim: cpuSeconds(simPid) - cpu0.sim,
      clients: (clients.user + clients.system) / 1e6,
    };
  } finally {
    for (const c of closers) c();
    await server.stop();
  }
  const ms = (n: number) => (Number.isNaN(n) ? 'none' : n < 1000 ? `${n.toFixed(0)} ms` : `${(n / 1000).toFixed(2)} s`);
  const probeRow = (which: 'dedicated' | 'main') => {
    const { ms: xs, failed } = f.probes[which];
    return `p99 (${xs.length} answered, ${failed} failed; median ${ms(median(xs))}, max ${ms(Math.max(0, ...xs))})`;
  };
  const p99 = percentile(f.probes.dedicated.ms, 99);
  const mainP99 = percentile(f.probes.main.ms, 99);
  return {
    title: `Load: ${CLIENTS} keep-alive clients polling /api/nodes + ${STREAMS} open streams for ${LOAD_MS / 1000} s (production server, scale sim; load average at start ${f.loadAverage})`,
    rows: [
      {
        metric: `/healthz on the probe port (KD_PROBE_PORT: its own thread, what deploy/deployment.yaml probes), a fresh connection every ${PROBE_EVERY_MS} ms under that load: ${probeRow('dedicated')}`,
        value: ms(p99),
        target: '≤ 1 s',
        ok: f.probes.dedicated.failed === 0 && p99 <= 1000,
      },
      {
        metric: `/healthz on the main port, same cadence (waits for the main loop to accept its connection): ${probeRow('main')}`,
        value: ms(mainP99),
        target: 'info',
        ok: true,
      },
      {
        metric: 'slowest request of any kind on the main port (/api/nodes, shed or not, and /healthz)',
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
        metric:
          'streams opened / refused with 503 / ended by the server during the run (a viewer too slow to read is cut)',
        value: `${f.streamsOpen} / ${f.streamsRefused} / ${f.streamsEnded}`,
        target: `${STREAMS} / 0 / 0`,
        ok: f.streamsOpen === STREAMS && f.streamsEnded === 0,
      },
      {
        metric: `viewers one replica serves at this fleet size: node-list answers per second under saturation × the page's ${POLL_S} s poll`,
        value: String(Math.floor((f.ok / (LOAD_MS / 1000)) * POLL_S)),
        target: 'info (docs/deploy.md)',
        ok: true,
      },
      {
        metric: `CPU used during the ${LOAD_MS / 1000} s (${os.cpus().length} cores = ${(os.cpus().length * LOAD_MS) / 1000} CPU-s): server / sim (the API server and 5,000 kubelets) / this process (the clients); load average at the end ${loadAverage()}`,
        value: `${f.cpu.server.toFixed(1)} / ${f.cpu.sim.toFixed(1)} / ${f.cpu.clients.toFixed(1)} s`,
        target: 'info',
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

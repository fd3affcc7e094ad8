/**
 * Fleet-scale benchmarks (issue 8) against one scale sim (5,000 nodes, ~30 pods each, latency model on) run
 * in a child process for the whole bench: sweeps vs the kubectl shell loop, in-flight bound and viewer sharing,
 * fleet-layer memory, the node list in a real browser, first-load JS, and CSR bulk approval. Every figure
 * comes from the same run and sim.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { z } from 'zod';
import { SERVER_NODE_OPTIONS } from '../scripts/server-node-options';
import { get, median, NODE_LIST_FIRST_ROWS_BUDGET_MS, startProdServer } from './prod-server';
import type { BenchSection } from './sim-bench';

const run = promisify(execFile);
const NODES = 5000;
const SHELL_SAMPLE = 500;
const tsx = path.resolve('node_modules/.bin/tsx');

const KubeconfigSchema = z.object({
  clusters: z
    .array(z.object({ cluster: z.object({ server: z.string(), 'certificate-authority-data': z.string() }) }))
    .min(1),
  users: z.array(z.object({ name: z.string(), user: z.object({ token: z.string() }) })),
});

export interface ScaleSim {
  dir: string;
  kubeconfig: string;
  caFile: string;
  url: string;
  adminToken: string;
  child: ChildProcess;
}

let sim: Promise<ScaleSim> | undefined;

async function startSim(): Promise<ScaleSim> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fleet-bench-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const child = spawn(
    tsx,
    ['sim/main.ts', '--scenario', 'scale', '--nodes', String(NODES), '--port', '0', '--kubeconfig', kubeconfig],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 180_000;
  while (!existsSync(kubeconfig)) {
    if (child.exitCode !== null) throw new Error('scale sim exited before listening');
    if (Date.now() > deadline) throw new Error('scale sim did not start in 180 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const kc = KubeconfigSchema.parse(parse(await readFile(kubeconfig, 'utf8')));
  const cluster = kc.clusters[0]?.cluster;
  const admin = kc.users.find((u) => u.name === 'sim-admin');
  if (!cluster || !admin) throw new Error('kubeconfig lacks the sim cluster or admin');
  const caFile = path.join(dir, 'ca.pem');
  await writeFile(caFile, Buffer.from(cluster['certificate-authority-data'], 'base64'));
  return { dir, kubeconfig, caFile, url: cluster.server, adminToken: admin.user.token, child };
}

/** The one scale sim every section of a bench run shares (started on first use). */
export const scaleSim = () => (sim ??= startSim());

/** Stops the shared sim (run.ts calls it after the last section). */
export async function stopFleetSim(): Promise<void> {
  if (!sim) return;
  const s = await sim;
  s.child.kill('SIGTERM');
  await new Promise((r) => s.child.once('exit', r));
  await rm(s.dir, { recursive: true, force: true });
}

const SweepSchema = z.looseObject({
  wallMs: z.number(),
  firstMs: z.number(),
  markedMs: z.number(),
  listMs: z.number(),
  ok: z.number(),
  nodes: z.number(),
  errors: z.record(z.string(), z.number()),
  simProxyRequests: z.number(),
  simMaxInFlight: z.number(),
  tlsConnections: z.number(),
  stragglersMarked: z.number(),
  distinctConfigs: z.number(),
  statsReads: z.number(),
  configzReads: z.number(),
  everyViewerComplete: z.boolean(),
});
const SweepsResultSchema = z.object({
  settings: z.object({
    concurrency: z.number(),
    qps: z.number(),
    burst: z.number(),
    timeoutMs: z.number(),
    attempts: z.number(),
    straggleMs: z.number(),
  }),
  configz1: SweepSchema,
  stats1: SweepSchema,
  stats10: SweepSchema,
  configz10: SweepSchema,
});
const MemoryResultSchema = z.object({
  baselineRss: z.number(),
  peakRss: z.number(),
  steadyRss: z.number(),
  steadyWindows: z.array(z.number()),
  steadyHeapMb: z.number(),
  nodes: z.number(),
});

/**
 * bench/fleet-child.ts bundled for plain `node` (react-server condition, so `server-only` resolves as on the
 * server): the figures, memory above all, are those of compiled code as Next runs it, not of tsx.
 */
async function buildFleetChild(dir: string): Promise<string> {
  const outfile = path.join(dir, 'fleet-child.mjs');
  await build({
    entryPoints: ['bench/fleet-child.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['react-server'],
    outfile,
    logLevel: 'warning',
    // client-node and its dependencies are CommonJS that call require()
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}

async function runFleetChild(s: ScaleSim, mode: 'sweeps' | 'memory'): Promise<unknown> {
  // With the production server's Node flags (npm start, the image), so its memory is the server's.
  const child = await run(
    'node',
    [
      ...SERVER_NODE_OPTIONS.split(' '),
      await buildFleetChild(s.dir),
      mode,
      s.kubeconfig,
      s.url,
      s.adminToken,
      s.caFile,
    ],
    {
      maxBuffer: 16 << 20,
      env: {
        ...process.env,
        KUBECONFIG: s.kubeconfig,
        KD_LOG_LEVEL: 'error',
        KD_API_TIMEOUT_MS: '60000',
        // `sweeps` compares the sim's request count for 1 and 10 viewers: hedged reads (lib/fleet/kubelet-reads.ts)
        // follow which requests the sim's latency model happens to hang, so that comparison runs without them
        ...(mode === 'sweeps' ? { KD_KUBELET_HEDGE_MS: '0' } : {}),
      },
    },
  );
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '');
}

/** Node names of the scale sim, as kubectl lists them. */
async function simNodeNames(s: ScaleSim): Promise<string[]> {
  const { stdout } = await run(
    'kubectl',
    ['--kubeconfig', s.kubeconfig, '--context', 'sim-admin', 'get', 'nodes', '-o', 'name'],
    { maxBuffer: 8 << 20 },
  );
  return stdout
    .trim()
    .split('\n')
    .map((n) => n.replace(/^node\//, ''));
}

/**
 * What people run today over a random sample of nodes: `kubectl get --raw …/configz` via `xargs -P 32`. Failures
 * (dead kubelets) are part of the loop's cost, so the exit code is ignored. --request-timeout matches the
 * dashboard's deadline: without one, a single hung kubelet (the sim hangs 0.2 % of requests, as real ones do)
 * keeps kubectl, and so the whole loop, waiting forever.
 */
export const shellLoop = (s: ScaleSim) => (shell ??= runShellLoop(s));
let shell: Promise<ShellLoopFigures> | undefined;

interface ShellLoopFigures {
  seconds: number;
  sample: number;
  nodes: number;
}

/** The loop itself; run once per bench (shellLoop), and both the server and the fleet sections report it. */
async function runShellLoop(s: ScaleSim): Promise<ShellLoopFigures> {
  const names = await simNodeNames(s);
  const sample = [...names].sort(() => Math.random() - 0.5).slice(0, SHELL_SAMPLE);
  const list = path.join(s.dir, 'sample.txt');
  await writeFile(list, sample.join('\n') + '\n');
  const t0 = performance.now();
  await run(
    'bash',
    [
      '-c',
      `xargs -P 32 -I{} kubectl --kubeconfig "${s.kubeconfig}" --context sim-admin --request-timeout=4s get --raw /api/v1/nodes/{}/proxy/configz < "${list}" > /dev/null 2>&1 || true`,
    ],
    { maxBuffer: 1 << 20 },
  );
  return { seconds: (performance.now() - t0) / 1000, sample: sample.length, nodes: names.length };
}

const s1 = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const errs = (e: Record<string, number>) =>
  Object.entries(e)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ') || 'none';

/** First result, every node resolved or marked (the target), every node settled: for one kind of sweep. */
function sweepRows(
  kind: string,
  w: z.infer<typeof SweepSchema>,
  settings: { straggleMs: number; timeoutMs: number },
): BenchSection['rows'] {
  return [
    { metric: `${kind} sweep: first node result`, value: s1(w.firstMs), target: '≤ 1 s', ok: w.firstMs <= 1000 },
    {
      metric: `${kind} sweep: every node resolved or marked (answered, failed, or marked pending after ${settings.straggleMs} ms on the wire; ${w.stragglersMarked} marked)`,
      value: s1(w.markedMs),
      target: '≤ 10 s',
      ok: w.markedMs >= 0 && w.markedMs <= 10_000,
    },
    {
      metric: `${kind} sweep: every node settled (${w.ok} ok; errors: ${errs(w.errors)}; a silent kubelet ends at its ${settings.timeoutMs} ms deadline)`,
      value: s1(w.wallMs),
      target: 'info',
      ok: true,
    },
  ];
}

/** Sections 1–3: sweep wall time vs the shell loop, in-flight bound and viewer sharing, fleet-layer RSS. */
export async function benchFleetSweeps(): Promise<BenchSection> {
  const s = await scaleSim();
  const r = SweepsResultSchema.parse(await runFleetChild(s, 'sweeps'));
  const mem = MemoryResultSchema.parse(await runFleetChild(s, 'memory'));
  const shell = await shellLoop(s);
  const names = { length: shell.nodes };
  const shellFullS = (shell.seconds * shell.nodes) / shell.sample;
  const ratio = shellFullS / (r.configz1.wallMs / 1000);
  const bound = r.settings.concurrency;
  return {
    title: `Fleet sweeps (scale sim: ${names.length.toLocaleString('en-US')} nodes, latency model on; pool ${bound} in flight, ${r.settings.qps} req/s burst ${r.settings.burst}, deadline ${r.settings.timeoutMs} ms, ${r.settings.attempts} attempts)`,
    rows: [
      {
        metric: 'node LIST before the sweep (informer sync, once per identity)',
        value: s1(r.configz1.listMs),
        target: 'info',
        ok: true,
      },
      ...sweepRows('configz', r.configz1, r.settings),
      {
        metric: `shell loop \`kubectl --request-timeout=4s get --raw …/proxy/configz\` via xargs -P 32, random sample of ${shell.sample} nodes, extrapolated linearly to ${names.length}`,
        value: `${shell.seconds.toFixed(1)} s for ${shell.sample} → ${shellFullS.toFixed(0)} s`,
        target: 'baseline',
        ok: true,
      },
      {
        metric: 'configz sweep speed-up vs the shell loop (same sim, same run)',
        value: `${ratio.toFixed(1)}×`,
        target: '≥ 20×',
        ok: ratio >= 20,
      },
      ...sweepRows('stats', r.stats1, r.settings),
      {
        metric: 'max kubelet proxy requests in flight seen by the sim (configz / stats / 10-viewer sweeps)',
        value: `${r.configz1.simMaxInFlight} / ${r.stats1.simMaxInFlight} / ${r.stats10.simMaxInFlight}`,
        target: `≤ ${bound}`,
        ok:
          Math.max(
            r.configz1.simMaxInFlight,
            r.stats1.simMaxInFlight,
            r.stats10.simMaxInFlight,
            r.configz10.simMaxInFlight,
          ) <= bound,
      },
      {
        metric:
          'stats sweep on a cold fleet: proxy requests seen by the sim, 1 viewer vs 10 concurrent viewers (stats reads + one configz read per node for its eviction thresholds, counted once the pool is idle)',
        value: `${r.stats1.simProxyRequests} (${r.stats1.statsReads} + ${r.stats1.configzReads}) vs ${r.stats10.simProxyRequests} (${r.stats10.statsReads} + ${r.stats10.configzReads})${r.stats10.everyViewerComplete ? '' : ' (a viewer missed nodes)'}`,
        target: 'equal',
        ok: r.stats1.simProxyRequests === r.stats10.simProxyRequests && r.stats10.everyViewerComplete,
      },
      {
        metric: 'configz sweep: proxy requests, 1 viewer vs 10 concurrent viewers',
        value: `${r.configz1.simProxyRequests} vs ${r.configz10.simProxyRequests}`,
        target: 'equal',
        ok: r.configz1.simProxyRequests === r.configz10.simProxyRequests && r.configz10.everyViewerComplete,
      },
      {
        metric: `distinct configz bodies kept (deduplicated by content hash, of ${r.configz1.ok})`,
        value: String(r.configz1.distinctConfigs),
        target: 'info',
        ok: true,
      },
      {
        metric:
          'TLS connections to the apiserver opened by one sweep (keep-alive: one per pool slot, plus one per request cut at its deadline, whose connection cannot be reused; one per request before)',
        value: `${r.configz1.tlsConnections} (configz, first sweep of the process) / ${r.stats1.tlsConnections} (stats)`,
        target: 'info',
        ok: true,
      },
      {
        metric: `fleet layer RSS, steady: at the end of an idle refresh window of the stats loop with ten viewers, just before the next sweep (one identity's caches for ${mem.nodes.toLocaleString('en-US')} nodes; compiled child running only lib/fleet, with the production server's Node flags; no forced GC); median of three windows`,
        value: `${mem.steadyRss.toFixed(0)} MiB (windows: ${mem.steadyWindows.map((w) => w.toFixed(0)).join(' / ')} MiB; JS heap in use ${mem.steadyHeapMb.toFixed(0)} MiB; process baseline before any request ${mem.baselineRss.toFixed(0)} MiB)`,
        target: '≤ 256 MiB',
        ok: mem.steadyRss <= 256,
      },
      {
        metric: 'fleet layer RSS, peak during those sweeps (sampled every 50 ms)',
        value: `${mem.peakRss.toFixed(0)} MiB`,
        target: '≤ 512 MiB',
        ok: mem.peakRss <= 512,
      },
    ],
  };
}

/** Section 6b: bulk approval of the scale sim's 1,000 pending serving CSRs (in a child: lib/k8s is server-only). */
/**
 * GET /api/csrs and /csrs through the production server (`next start`, production Node flags) with the sim's
 * pending CSRs: the first request after a start (every request decoded, the node watch started) and the median of
 * three after it (decoding remembered, nodes from the watch: lib/server/csr-decode-memo.ts, csr-review.ts).
 */
async function measureCsrReads(s: ScaleSim): Promise<{
  count: number;
  apiFirstMs: number;
  apiWarmMs: number;
  apiBytes: number;
  pageWarmMs: number;
  pageBytes: number;
}> {
  const port = Number(process.env.KD_BENCH_PORT ?? 3411) + 4;
  const server = await startProdServer({ buildDir: buildDir(), port, kubeconfig: s.kubeconfig });
  try {
    const api = () => get(`${server.base}/api/csrs`, { headers: { accept: 'application/json' } });
    const first = await api();
    if (first.status !== 200) throw new Error(`GET /api/csrs answered ${first.status}`);
    const { items } = z.object({ items: z.array(z.unknown()) }).parse(JSON.parse(first.body.toString('utf8')));
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push((await api()).ms);
    const page: number[] = [];
    let pageBytes = 0;
    for (let i = 0; i < 3; i++) {
      const r = await get(`${server.base}/csrs`, { headers: { accept: 'text/html' } });
      if (r.status !== 200) throw new Error(`GET /csrs answered ${r.status}`);
      page.push(r.ms);
      pageBytes = r.body.length;
    }
    return {
      count: items.length,
      apiFirstMs: first.ms,
      apiWarmMs: median(warm),
      apiBytes: first.body.length,
      pageWarmMs: median(page),
      pageBytes,
    };
  } finally {
    await server.stop();
  }
}

export async function benchCsrBulk(): Promise<BenchSection> {
  const s = await scaleSim();
  // before the bulk approval, which decides every pending CSR
  const reads = await measureCsrReads(s);
  const { stdout } = await run(
    tsx,
    ['--conditions=react-server', 'bench/csr-child.ts', s.kubeconfig, s.url, s.adminToken, s.caFile],
    {
      maxBuffer: 16 << 20,
      env: { ...process.env, KD_LOG_LEVEL: 'error' },
    },
  );
  const r = z
    .object({
      count: z.number(),
      seconds: z.number(),
      approved: z.number(),
      statuses: z.record(z.string(), z.number()),
      maxInFlight: z.number(),
      concurrency: z.number(),
    })
    .parse(JSON.parse(stdout.trim().split('\n').pop() ?? ''));
  const tooMany = r.statuses['429'] ?? 0;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  return {
    title: `CSR review and bulk approval (scale sim, ${r.count.toLocaleString('en-US')} pending serving CSRs, ${NODES.toLocaleString('en-US')} nodes)`,
    rows: [
      {
        metric: `GET /api/csrs, production server: first request after a start (${reads.count.toLocaleString('en-US')} CSRs decoded and checked; node watch started; ${mb(reads.apiBytes)})`,
        value: s1(reads.apiFirstMs),
        target: 'info',
        ok: true,
      },
      {
        metric:
          'GET /api/csrs, production server: median of the next three (decoding remembered, nodes from the watch)',
        value: s1(reads.apiWarmMs),
        target: '≤ 0.5 s',
        ok: reads.apiWarmMs <= 500,
      },
      {
        metric: `GET /csrs (HTML: the first 30 rows server-rendered, every CSR in the page's data; ${mb(reads.pageBytes)}), production server: median of three after the first /api/csrs`,
        value: s1(reads.pageWarmMs),
        target: '≤ 1 s',
        ok: reads.pageWarmMs <= 1000,
      },
      {
        metric: `bulkApprove wall time (${r.approved} approved)`,
        value: `${r.seconds.toFixed(2)} s`,
        target: '≤ 15 s',
        ok: r.seconds <= 15,
      },
      {
        metric: 'approval requests in flight (max, counted around each approval PUT by the child)',
        value: String(r.maxInFlight),
        target: `≤ ${r.concurrency}`,
        ok: r.maxInFlight <= r.concurrency,
      },
      { metric: '429 answers', value: String(tooMany), target: '0', ok: tooMany === 0 },
    ],
  };
}

// ---------- production build: first-load JS and the node list in a browser ----------

/** The production build to measure: KD_BENCH_BUILD_DIR (e.g. a clean worktree) or this checkout. */
const buildDir = () => path.resolve(process.env.KD_BENCH_BUILD_DIR ?? '.');

const ManifestSchema = z.object({
  pages: z.record(z.string(), z.array(z.string())).optional(),
  rootMainFiles: z.array(z.string()).optional(),
});

/** Section 5: gzipped JS a route loads on first visit (app-build-manifest, else the route's client reference manifest). */
/**
 * The route's page_client-reference-manifest.js under the build's server/app, route groups included: `/nodes` is
 * app/nodes/(list)/page.tsx, whose manifest is at nodes/(list)/ (a path without the group was silently skipped).
 */
async function clientManifestOf(appDir: string, route: string): Promise<string | undefined> {
  const files = await readdir(appDir, { recursive: true });
  const want = route === '/' ? '' : route.slice(1);
  const hit = files.find((f) => {
    if (!f.endsWith('page_client-reference-manifest.js')) return false;
    const segments = path
      .dirname(f)
      .split(path.sep)
      .filter((seg) => seg !== '.' && !/^\(.*\)$/.test(seg));
    return segments.join('/') === want;
  });
  return hit && path.join(appDir, hit);
}

export async function benchBundles(): Promise<BenchSection> {
  const dir = path.join(buildDir(), '.next');
  if (!existsSync(path.join(dir, 'BUILD_ID'))) {
    return {
      title: 'First-load JavaScript (production build)',
      rows: [
        {
          metric: 'no production build found',
          value: `${dir}/BUILD_ID missing`,
          target: 'run `npx next build`',
          ok: false,
        },
      ],
    };
  }
  const gz = async (file: string) => gzipSync(await readFile(path.join(dir, file))).length;
  const build = ManifestSchema.parse(JSON.parse(await readFile(path.join(dir, 'build-manifest.json'), 'utf8')));
  const root = build.rootMainFiles ?? [];
  const rows: BenchSection['rows'] = [];
  let runtime = 0;
  for (const c of root) if (existsSync(path.join(dir, c))) runtime += await gz(c);
  rows.push({
    metric: `Next + React runtime every route loads (build-manifest rootMainFiles, ${root.length} chunks), gzip; included in each route below`,
    value: `${(runtime / 1000).toFixed(1)} kB`,
    target: 'info',
    ok: true,
  });
  for (const route of ['/nodes', '/nodes/[name]', '/compare', '/csrs']) {
    const ref = await clientManifestOf(path.join(dir, 'server/app'), route);
    if (!ref) {
      rows.push({ metric: `${route}: client reference manifest`, value: 'not found', target: 'found', ok: false });
      continue;
    }
    const text = await readFile(ref, 'utf8');
    // Chunks the route's client components need, as listed in its client reference manifest.
    const chunks = new Set<string>(root);
    for (const m of text.matchAll(/"(static\/chunks\/[^"]+\.js)"/g)) if (m[1]) chunks.add(m[1]);
    let total = 0;
    for (const c of chunks) if (existsSync(path.join(dir, c))) total += await gz(c);
    const kb = total / 1000;
    rows.push({
      metric: `${route}: ${chunks.size} JS chunks, gzip`,
      value: `${kb.toFixed(1)} kB`,
      // issue 20 item 5: the route's own JS at most 60 kB gzip beyond the runtime
      target: route === '/nodes' ? `≤ runtime + 60 kB (${(runtime / 1000 + 60).toFixed(1)} kB)` : 'info',
      ok: route === '/nodes' ? kb <= runtime / 1000 + 60 : true,
    });
  }
  // the build's directory is not named: it is a path on the benchmarking machine, meaningless in BENCHMARKS.md
  return { title: 'First-load JavaScript per route (production build, gzip -6 of each chunk)', rows };
}

/** Section 4: the node list with 5,000 rows in Chromium against `next start` on the scale sim. */
interface PostureFigures {
  /** navigation → first check row painted (Element Timing) */
  firstRowsMs: number;
  /** navigation → Playwright's visibility check saw it */
  firstRowsSeenMs: number;
  /** the totals line at first paint ("5000 nodes · 1234 evaluated · … reading 3766 kubelets…") */
  firstTotals: string;
  completeMs: number;
  completeTotals: string;
  drillMs: number;
  drillCheck: string;
  drillFailing: string;
  domNodes: number;
  loadAverage: string;
  /** a second browser (fresh context, nothing cached) once every configz is cached: first check row painted */
  warmFirstRowsMs: number;
  /** the totals line at that paint (every node judged: no "reading") */
  warmTotals: string;
}

/**
 * Installed before a page's own scripts: records when the browser first painted an element of each Element Timing
 * identifier (`node-row` on the node list, `posture-check` on /posture; components/element-timing.d.ts), in ms
 * since navigation start. Playwright's visibility check runs only when the page's main thread is free, so it sees
 * the rows later than a person does (bench/server-bench.ts measures /nodes the same way).
 */
const PAINT_PROBE = `window.__paintMs = {};
new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    if (e.identifier && window.__paintMs[e.identifier] === undefined) window.__paintMs[e.identifier] = e.renderTime || e.startTime;
}).observe({ type: 'element', buffered: true });`;

/** When the page first painted an element marked `identifier` (polled: the CSP forbids waitForFunction's eval). */
async function paintedAt(page: import('@playwright/test').Page, identifier: string): Promise<number> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ms = Number(await page.evaluate(`window.__paintMs?.[${JSON.stringify(identifier)}] ?? 0`));
    if (ms > 0) return ms;
    if (Date.now() > deadline) throw new Error(`no element "${identifier}" was painted in 120 s`);
    await page.waitForTimeout(50);
  }
}

/**
 * /posture on the scale fleet in a fresh tab: navigation → first check row painted (the page answers after at
 * most 1.5 s with the nodes judged so far and polls for the rest), then until every kubelet is judged, then
 * opening the check most nodes fail (its nodes grouped by value). Scripts are passed as source text, as above.
 */
async function measurePosturePage(
  browser: Awaited<ReturnType<(typeof import('@playwright/test'))['chromium']['launch']>>,
  base: string,
): Promise<PostureFigures> {
  const loadAverage = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(PAINT_PROBE);
  try {
    const totals = () => page.textContent('[data-testid="posture-totals"]').then((t) => (t ?? '').trim());
    const t0 = performance.now();
    await page.goto(`${base}/posture`, { waitUntil: 'commit' });
    await page.waitForSelector('[data-testid="posture-checks"] tr[data-check]', { timeout: 120_000 });
    const firstRowsSeenMs = performance.now() - t0;
    const firstRowsMs = await paintedAt(page, 'posture-check');
    const firstTotals = await totals();
    // polled from here: waitForFunction compiles its source in the page, which the app's CSP forbids
    const deadline = Date.now() + 300_000;
    while ((await totals()).includes('reading') && Date.now() < deadline) await page.waitForTimeout(100);
    const completeMs = performance.now() - t0;
    const completeTotals = await totals();
    // the check with the most failing nodes
    const counts = (await page.evaluate(
      `[...document.querySelectorAll('[data-testid="posture-checks"] tr[data-check]')].map((tr) => [tr.getAttribute('data-check') ?? '', tr.querySelector('[data-testid="fail-count"]')?.textContent ?? '0'])`,
    )) as Array<[string, string]>;
    const top = counts.sort((a, b) => Number(b[1]) - Number(a[1]))[0];
    const drillCheck = top?.[0] ?? '';
    const drillFailing = top?.[1] ?? '0';
    const d0 = performance.now();
    await page.click(`[data-testid="posture-checks"] tr[data-check="${drillCheck}"] [data-testid="fail-count"] button`);
    await page.waitForSelector('[data-testid="check-detail"] [data-group-status]', { timeout: 60_000 });
    const drillMs = performance.now() - d0;
    const domNodes = Number(await page.evaluate("document.querySelectorAll('*').length"));
    // The usual visit: a dashboard that has been running, its sweep's configz cached, opened in a new browser
    // context (no HTTP cache, no query cache); the first paint then carries every node's verdicts.
    const warm = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await warm.addInitScript(PAINT_PROBE);
    let warmFirstRowsMs: number;
    let warmTotals: string;
    try {
      await warm.goto(`${base}/posture`, { waitUntil: 'commit' });
      warmFirstRowsMs = await paintedAt(warm, 'posture-check');
      warmTotals = ((await warm.textContent('[data-testid="posture-totals"]')) ?? '').trim();
    } finally {
      await warm.close();
    }
    return {
      warmFirstRowsMs,
      warmTotals,
      firstRowsMs,
      firstRowsSeenMs,
      firstTotals,
      completeMs,
      completeTotals,
      drillMs,
      drillCheck,
      drillFailing,
      domNodes,
      loadAverage,
    };
  } finally {
    await page.close();
  }
}

function postureRows(p: PostureFigures, nodeListFirstRowsMs: number): BenchSection['rows'] {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    {
      metric: `posture page (/posture), configz not yet cached for this identity, the browser's first page: navigation → first check row painted (Element Timing; Playwright's check saw it at ${s(p.firstRowsSeenMs)}; at that paint: "${p.firstTotals}"; load average ${p.loadAverage})`,
      value: s(p.firstRowsMs),
      // issue 17: "renders within the node list's budget" (its target, bench/server-bench.ts), measured here in
      // a browser that has opened no page yet, while this run's node list is measured in the warmed one
      target: `≤ the node list's budget (${s(NODE_LIST_FIRST_ROWS_BUDGET_MS)}; its first rows in this run: ${s(nodeListFirstRowsMs)})`,
      ok: p.firstRowsMs <= NODE_LIST_FIRST_ROWS_BUDGET_MS,
    },
    {
      metric: `posture page on a running dashboard (every configz cached by that sweep), a new browser context: navigation → first check row painted, with every node judged at that paint ("${p.warmTotals}")`,
      value: s(p.warmFirstRowsMs),
      target: `≤ the node list's budget (${s(NODE_LIST_FIRST_ROWS_BUDGET_MS)})`,
      ok: p.warmFirstRowsMs <= NODE_LIST_FIRST_ROWS_BUDGET_MS && !p.warmTotals.includes('reading'),
    },
    {
      metric: `posture page: every kubelet's configz read and judged ("${p.completeTotals}")`,
      value: s(p.completeMs),
      target: 'info (one configz sweep)',
      ok: true,
    },
    {
      metric: `posture: open the check most nodes fail (${p.drillCheck}, ${p.drillFailing} nodes) → nodes grouped by value painted`,
      value: `${p.drillMs.toFixed(0)} ms`,
      target: '≤ 1 s',
      ok: p.drillMs <= 1000,
    },
    { metric: 'posture page DOM elements (check open)', value: String(p.domNodes), target: 'info', ok: true },
  ];
}

export async function benchBrowser(): Promise<BenchSection> {
  const title =
    'Node list and posture page in a real browser (5,000 nodes, production build, `next start` with the production Node flags, Debian Chromium)';
  const dir = buildDir();
  if (!existsSync(path.join(dir, '.next/BUILD_ID')))
    return {
      title,
      rows: [{ metric: 'no production build found', value: 'skipped', target: 'run `npx next build`', ok: false }],
    };
  const s = await scaleSim();
  // the production server as users run it (Node flags, the build's config), as the `server` section starts it
  const server = await startProdServer({
    buildDir: dir,
    port: Number(process.env.KD_BENCH_PORT ?? 3411) + 2,
    kubeconfig: s.kubeconfig,
    env: { KD_API_TIMEOUT_MS: '60000' },
  });
  try {
    const base = server.base;
    // Warm the shared caches (node watch, pod totals, metrics) as a running server has them; then measure a fresh
    // tab. Waited for, not slept on: the first LIST of 150,000 pods takes the server ~10–15 s after start, and a
    // page measured during it measured that LIST (the posture row did, until 2026-12-06).
    for (let i = 0; i < 120; i++) {
      const answer = (await fetch(`${base}/api/nodes`)
        .then((r) => r.json())
        .catch(() => undefined)) as { pods?: { available?: boolean }; metrics?: { available?: boolean } } | undefined;
      if (answer?.pods?.available === true && answer.metrics?.available === true) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      // Posture first, while no configz is cached for this identity (only /api/nodes has run): the cold case.
      // A build from before the posture page (KD_BENCH_BUILD_DIR, to compare the node list) has no /api/posture;
      // asked with an invalid check id, ours refuses it (422) without reading any kubelet.
      const probe = await fetch(`${base}/api/posture?view=check&check=x`).catch(() => undefined);
      const hasPosture = probe?.status === 422;
      const posture = hasPosture ? await measurePosturePage(browser, base) : undefined;
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript(PAINT_PROBE);
      const t0 = performance.now();
      await page.goto(`${base}/nodes`, { waitUntil: 'commit' });
      await page.waitForSelector('[data-node]', { timeout: 120_000 });
      const firstRowsSeenMs = performance.now() - t0;
      const firstRowsMs = await paintedAt(page, 'node-row');
      await page.waitForLoadState('load');
      const rowCount = Number(await page.getAttribute('[role="table"]', 'aria-rowcount')) - 1;
      const domNodes = Number(await page.evaluate("document.querySelectorAll('*').length"));
      // Time from the click / keystroke to the frame where the first visible row has changed.
      // Passed as source text: tsx's transform would add helpers (__name) the page does not have.
      const untilFirstRowChanges = (action: string) => `(async () => {
        const first = () => document.querySelector('[data-node]')?.getAttribute('data-node');
        const before = first();
        const t = performance.now();
        ${action}
        while (first() === before && performance.now() - t < 5000) await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - t;
      })()`;
      // Five of each, alternating so every action changes the first row: Age ascending/descending, then the
      // filter set and cleared. The median is judged; the first (right after load) and the slowest are shown.
      const clickAge = `[...document.querySelectorAll('[role="columnheader"] button')].find((b) => b.textContent.trim().startsWith('Age'))?.click();`;
      const typeFilter = (text: string) => `const input = document.querySelector('input[type="search"]');
            Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, '${text}');
            input.dispatchEvent(new Event('input', { bubbles: true }));`;
      const sortSamples: number[] = [];
      for (let i = 0; i < 5; i++) {
        sortSamples.push(Number(await page.evaluate(untilFirstRowChanges(clickAge))));
        await page.waitForTimeout(300);
      }
      const filterSamples: number[] = [];
      for (let i = 0; i < 5; i++) {
        filterSamples.push(Number(await page.evaluate(untilFirstRowChanges(typeFilter('gke-')))));
        await page.waitForTimeout(300);
        await page.evaluate(untilFirstRowChanges(typeFilter('')));
        await page.waitForTimeout(300);
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
      const sortMs = med(sortSamples);
      const filterMs = med(filterSamples);
      const detail = (xs: number[]) => `first ${xs[0]?.toFixed(0)} ms, slowest ${Math.max(...xs).toFixed(0)} ms`;
      return {
        title,
        rows: [
          {
            metric: `time to first rows (navigation → first row painted, Element Timing; Playwright's check saw it at ${(firstRowsSeenMs / 1000).toFixed(2)} s; ${rowCount.toLocaleString('en-US')} rows in the table)`,
            value: `${(firstRowsMs / 1000).toFixed(2)} s`,
            target: 'info',
            ok: rowCount >= 5000,
          },
          { metric: 'DOM elements on the page', value: String(domNodes), target: '≤ 1,400', ok: domNodes <= 1400 },
          {
            metric: 'sort by Age: click → first row changed (median of 5, alternating direction)',
            value: `${sortMs.toFixed(0)} ms (${detail(sortSamples)})`,
            target: '≤ 100 ms',
            ok: sortMs <= 100,
          },
          {
            metric: 'filter "gke-": input → first row changed (median of 5)',
            value: `${filterMs.toFixed(0)} ms (${detail(filterSamples)})`,
            target: '≤ 100 ms',
            ok: filterMs <= 100,
          },
          ...(posture ? postureRows(posture, firstRowsMs) : []),
        ],
      };
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}

/**
 * Fleet overview at scale (issue 18): 20 kubeconfig contexts × 500 nodes, each its own simulated cluster (own
 * port, CA, tokens; latency model on), all in one sim process; the overview's use case (lib/server/
 * cluster-overview.ts) runs compiled in another, as the server runs it. Standalone: `npx tsx bench/clusters-bench.ts`.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { z } from 'zod';
import { SERVER_NODE_OPTIONS } from '../scripts/server-node-options';
import type { BenchSection } from './sim-bench';

const CONTEXTS = 20;
const NODES = 500;
const FIRST_ROW_TARGET_MS = 1000;
const EVERY_ROW_TARGET_MS = 10_000;

const FiguresSchema = z.object({
  contexts: z.number(),
  firstRowMs: z.number(),
  rowsComplete: z.number(),
  lastRowMs: z.number(),
  partialRows: z.number(),
  failedParts: z.number(),
  failures: z.record(z.string(), z.number()),
  maxInFlightPerCluster: z.number(),
  proxyRequests: z.number(),
  bound: z.number(),
});

export async function benchClusters(): Promise<BenchSection> {
  const dir = await mkdtemp(path.join(tmpdir(), 'clusters-bench-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const sims = spawn(
    path.resolve('node_modules/.bin/tsx'),
    ['bench/clusters-sims.ts', String(CONTEXTS), String(NODES), kubeconfig],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  try {
    const deadline = Date.now() + 300_000;
    while (!existsSync(kubeconfig)) {
      if (sims.exitCode !== null) throw new Error('the bench sims exited before listening');
      if (Date.now() > deadline) throw new Error(`${CONTEXTS} sims did not start in 300 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const outfile = path.join(dir, 'clusters-child.mjs');
    await build({
      entryPoints: ['bench/clusters-child.ts'],
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
    const child = await promisify(execFile)('node', [...SERVER_NODE_OPTIONS.split(' '), outfile, kubeconfig], {
      maxBuffer: 16 << 20,
      env: { ...process.env, KUBECONFIG: kubeconfig, KD_LOG_LEVEL: 'error' },
    });
    const f = FiguresSchema.parse(JSON.parse(child.stdout.trim().split('\n').pop() ?? ''));
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    return {
      title: `Fleet overview (${CONTEXTS} contexts × ${NODES} nodes, each its own sim cluster, latency model on; all sims in one process on the same cores: figures under load are provisional)`,
      rows: [
        {
          metric: 'first row (API server reachable, its version)',
          value: s(f.firstRowMs),
          target: '≤ 1 s',
          ok: f.firstRowMs <= FIRST_ROW_TARGET_MS,
        },
        {
          metric: `every row complete (API, node counts, pending CSRs with checks, headroom and variants from one stats and one configz sweep per cluster); ${f.rowsComplete} of ${f.contexts} rows, ${f.partialRows} cut at the deadline, ${f.failedParts} failed parts${
            f.failedParts > 0
              ? ` (${Object.entries(f.failures)
                  .map(([k, n]) => `${k} ×${n}`)
                  .join(', ')})`
              : ''
          }`,
          value: s(f.lastRowMs),
          target: '≤ 10 s',
          ok: f.lastRowMs <= EVERY_ROW_TARGET_MS && f.rowsComplete === f.contexts && f.partialRows === 0,
        },
        {
          metric: `max kubelet proxy requests in flight at any one cluster (${f.proxyRequests} proxy requests in all)`,
          value: String(f.maxInFlightPerCluster),
          target: `≤ ${f.bound} (the fleet bound)`,
          ok: f.maxInFlightPerCluster <= f.bound,
        },
      ],
    };
  } finally {
    sims.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (sims.exitCode === null) sims.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const section = await benchClusters();
  console.log(JSON.stringify(section, null, 2));
}

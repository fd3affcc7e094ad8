/**
 * `npm run demo`: the simulated clusters and the dashboard together, wired only through a kubeconfig
 * (the same code path as a real cluster). Ctrl-C stops both. The kubeconfig names three clusters (the demo cast,
 * a kubeasz binary install, an ACK-like cluster with a CSR flood) and two contexts broken on purpose
 * (sim/server/demo-clusters.ts).
 *
 *   npm run demo                       # dev server (compiles pages on first visit)
 *   npm run demo -- --prod             # production build + `next start` (what the e2e tests use)
 *   PORT=3001 npm run demo             # another port; HOST=0.0.0.0 to listen beyond loopback
 *   npm run demo -- --no-metrics       # as if metrics-server were not installed
 *   npm run demo -- --fresh            # a new CA and tokens (they are kept next to the kubeconfig otherwise)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { builtNextConfigEnv, SERVER_KEEP_ALIVE_MS, serverEnv as productionEnv } from './server-node-options';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { forgetSavedState } from '../sim/server/state-dir';
import { startDemoClusters } from '../sim/server/demo-clusters';

const { values: args } = parseArgs({
  options: {
    prod: { type: 'boolean', default: false },
    'no-metrics': { type: 'boolean', default: false },
    kubeconfig: { type: 'string', default: path.resolve('.sim/kubeconfig') },
    'sim-port': { type: 'string', default: '0' },
    'skip-build': { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
  },
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const nextBin = path.resolve('node_modules/.bin/next');

async function main(): Promise<void> {
  // The sim keeps its CA, tokens and port next to the kubeconfig, so kubectl sessions and a separately started
  // dashboard survive a restart of the demo (sim/server/state-dir.ts).
  const stateDir = path.dirname(path.resolve(args.kubeconfig));
  if (args.fresh) {
    await forgetSavedState(stateDir);
    await rm(path.join(stateDir, 'clusters'), { recursive: true, force: true });
  }
  const sim = await startDemoClusters({
    port: Number(args['sim-port']),
    kubeconfigPath: path.resolve(args.kubeconfig),
    metrics: !args['no-metrics'],
    stateDir,
  });
  for (const c of sim.clusters) console.log(`[demo] simulated cluster ${c.context} at ${c.sim.url}`);
  console.log(`[demo] kubeconfig ${args.kubeconfig}`);

  const env = { ...process.env, KUBECONFIG: path.resolve(args.kubeconfig), NEXT_TELEMETRY_DISABLED: '1' };
  if (args.prod && !args['skip-build'] && !existsSync('.next/BUILD_ID')) {
    console.log('[demo] building the dashboard (first run only)…');
    const build = spawnSync(nextBin, ['build'], { stdio: 'inherit', env });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const nextArgs = args.prod
    ? ['start', '--keepAliveTimeout', SERVER_KEEP_ALIVE_MS, '--hostname', host, '--port', String(port)]
    : ['dev', '--hostname', host, '--port', String(port)];
  const serverEnv = args.prod ? { ...env, ...productionEnv(), ...builtNextConfigEnv() } : env;
  const next: ChildProcess = spawn(nextBin, nextArgs, { stdio: 'inherit', env: serverEnv });
  console.log(`[demo] dashboard: http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}  (Ctrl-C stops both)`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    next.kill('SIGTERM');
    await sim.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  next.on('exit', (code) => void stop(code ?? 1));
}

main().catch((err: unknown) => {
  console.error('[demo] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});

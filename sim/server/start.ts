/** `startSim`: a simulated cluster for the demo, tests and benchmarks (createFleet + serveFleet). */
import { createFleet } from '../fleet/create-fleet';
import type { Scenario } from '../fleet/types';
import { serveFleet, type ExtraUser, type SimHandle } from './serve';

export type { SimHandle } from './serve';

export interface StartSimOptions {
  scenario: Scenario;
  nodes?: number;
  /** 0 = a random free port */
  port?: number;
  host?: string;
  kubeconfigPath?: string;
  metrics?: boolean;
  latency?: boolean;
  seed?: number;
  /** extra good pending serving CSRs (default: 1,000 in the scale scenario, none otherwise) */
  pendingCsrs?: number;
  tickMs?: number;
  /** extra users bound to exactly the given rules (tests of least-privilege roles) */
  users?: ExtraUser[];
  /** keep CA, tokens and port across restarts (see ServeOptions.stateDir) */
  stateDir?: string;
}

export async function startSim(
  opts: StartSimOptions,
): Promise<SimHandle & { timings: { fleetMs: number; serverMs: number } }> {
  const started = performance.now();
  const fleet = await createFleet({
    scenario: opts.scenario,
    nodes: opts.nodes,
    metrics: opts.metrics,
    latency: opts.latency,
    seed: opts.seed,
    pendingCsrs: opts.pendingCsrs,
    now: new Date(),
  });
  const fleetMs = performance.now() - started;
  const handle = await serveFleet(fleet, {
    port: opts.port ?? 0,
    host: opts.host,
    kubeconfigPath: opts.kubeconfigPath,
    tickMs: opts.tickMs,
    users: opts.users,
    stateDir: opts.stateDir,
  });
  return { ...handle, timings: { fleetMs, serverMs: performance.now() - started - fleetMs } };
}

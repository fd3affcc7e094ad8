/** `startSim`: a simulated cluster for the demo, tests and benchmarks (createFleet + serveFleet). */
import { createFleet } from '../fleet/create-fleet';
import { serveFleet, type SimHandle } from './serve';

export type { SimHandle } from './serve';

export interface StartSimOptions {
  scenario: 'demo' | 'scale';
  nodes?: number;
  /** 0 = a random free port */
  port?: number;
  host?: string;
  kubeconfigPath?: string;
  metrics?: boolean;
  latency?: boolean;
  seed?: number;
  tickMs?: number;
}

export async function startSim(opts: StartSimOptions): Promise<SimHandle> {
  const fleet = await createFleet({
    scenario: opts.scenario,
    nodes: opts.nodes,
    metrics: opts.metrics,
    latency: opts.latency,
    seed: opts.seed,
    now: new Date(),
  });
  return serveFleet(fleet, { port: opts.port ?? 0, host: opts.host, kubeconfigPath: opts.kubeconfigPath, tickMs: opts.tickMs });
}

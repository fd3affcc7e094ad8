/**
 * `npm run sim -- --scenario demo|scale [--nodes N] [--port P] [--host H] [--kubeconfig FILE]
 *                 [--no-metrics] [--no-latency] [--seed N] [--tick-ms MS (0 = never)] [--state-dir DIR] [--fresh]`
 * Runs the simulated cluster alone; point kubectl at it with `KUBECONFIG=.sim/kubeconfig kubectl get nodes`.
 * CA, tokens and port are kept in the state directory (default: the kubeconfig's), so a restart is the same
 * cluster to its clients; `--fresh` starts a new one.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { forgetSavedState } from './server/state-dir';
import { startSim } from './server/start';

const ArgsSchema = z.object({
  scenario: z.enum(['demo', 'scale']),
  nodes: z.coerce.number().int().positive().optional(),
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  kubeconfig: z.string().min(1),
  'no-metrics': z.boolean(),
  'no-latency': z.boolean(),
  seed: z.coerce.number().int().optional(),
  'tick-ms': z.coerce.number().int().min(0),
  'state-dir': z.string().min(1).optional(),
  fresh: z.boolean(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'demo' },
      nodes: { type: 'string' },
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      kubeconfig: { type: 'string', default: path.resolve('.sim/kubeconfig') },
      'no-metrics': { type: 'boolean', default: false },
      'no-latency': { type: 'boolean', default: false },
      seed: { type: 'string' },
      'tick-ms': { type: 'string', default: '5000' },
      'state-dir': { type: 'string' },
      fresh: { type: 'boolean', default: false },
    },
  });
  const args = ArgsSchema.parse(values);
  const stateDir = path.resolve(args['state-dir'] ?? path.dirname(path.resolve(args.kubeconfig)));
  if (args.fresh) await forgetSavedState(stateDir);
  const started = Date.now();
  const sim = await startSim({
    scenario: args.scenario,
    nodes: args.nodes,
    port: args.port,
    host: args.host,
    kubeconfigPath: path.resolve(args.kubeconfig),
    metrics: !args['no-metrics'],
    latency: !args['no-latency'],
    seed: args.seed,
    tickMs: args['tick-ms'],
    stateDir,
  });
  const { fleetMs, serverMs } = sim.timings;
  console.log(
    `[sim] ${args.scenario} cluster with ${sim.fleet.nodes.length} nodes at ${sim.url} (ready in ${Date.now() - started} ms: fleet ${fleetMs.toFixed(0)} ms, server ${serverMs.toFixed(0)} ms)`,
  );
  console.log(`[sim] kubeconfig: ${sim.kubeconfigPath}   try: KUBECONFIG=${sim.kubeconfigPath} kubectl get nodes`);
  const stop = () => {
    console.log('[sim] stopping');
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('[sim] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});

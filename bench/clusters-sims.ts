/**
 * The clusters bench's simulated fleet, in its own process (run with tsx by bench/clusters-bench.ts):
 * `clusters-sims.ts <count> <nodes> <kubeconfig>` starts <count> scale-scenario clusters of <nodes> nodes each
 * (latency model on, fleet not ticking, each with its own port, CA and tokens; sim/server/clusters.ts) and writes one kubeconfig
 * naming them `bench-01`…; it runs until killed.
 */
import { startSimClusters } from '../sim/server/clusters';

const [count, nodes, kubeconfigPath] = process.argv.slice(2);
if (!count || !nodes || !kubeconfigPath) throw new Error('usage: clusters-sims <count> <nodes> <kubeconfig>');

const sims = await startSimClusters({
  clusters: Array.from({ length: Number(count) }, (_, i) => ({
    name: `bench-${String(i + 1).padStart(2, '0')}`,
    scenario: 'scale' as const,
    nodes: Number(nodes),
    seed: i + 1,
    // a pending-CSR backlog per cluster (the scale default, 1,000, is a flood study of its own: bench/fleet-bench.ts)
    pendingCsrs: 50,
  })),
  kubeconfigPath,
  // no fleet ticks: twenty clusters' ticks in one process would measure the sim, not the overview
  tickMs: 0,
});
process.on('SIGTERM', () => void sims.close().then(() => process.exit(0)));

/**
 * `npm run demo`'s clusters: the demo cast (sim/fleet/demo-layout.ts) as the first cluster, unchanged, plus the
 * kubeasz and ACK clusters (sim/fleet/scenario-clusters.ts) and two contexts broken on purpose, so the fleet
 * overview shows an unreachable server and rejected credentials next to the healthy clusters.
 */
import { DEMO_CONTEXTS } from '../fleet/demo-clusters';
import { newToken } from './client-credentials';
import { startSimClusters, type SimClusters } from './clusters';

/** Port 1 (tcpmux) on loopback: nothing listens there, so a connection is refused at once, on every machine. */
const NOTHING_LISTENS = 'https://127.0.0.1:1';

export function startDemoClusters(o: {
  kubeconfigPath: string;
  stateDir?: string;
  port?: number;
  metrics?: boolean;
  host?: string;
}): Promise<SimClusters> {
  return startSimClusters({
    clusters: [
      { name: 'sim', scenario: 'demo', metrics: o.metrics },
      { name: DEMO_CONTEXTS.kubeasz, scenario: 'kubeasz', seed: 2, metrics: o.metrics },
      { name: DEMO_CONTEXTS.ack, scenario: 'ack', seed: 3, metrics: o.metrics },
    ],
    extraContexts: [
      { name: DEMO_CONTEXTS.unreachable, cluster: { server: NOTHING_LISTENS }, token: newToken() },
      { name: DEMO_CONTEXTS.badCredentials, cluster: { of: DEMO_CONTEXTS.kubeasz }, token: newToken() },
    ],
    kubeconfigPath: o.kubeconfigPath,
    stateDir: o.stateDir,
    port: o.port,
    host: o.host,
  });
}

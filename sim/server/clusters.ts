/**
 * Several simulated clusters in one process, one port each, each with its own CA, serving certificate and tokens
 * (as separate real clusters have), and one kubeconfig naming them all: what the fleet overview and cross-cluster
 * compare read. The first cluster keeps the single-cluster kubeconfig's names (cluster `sim`, contexts
 * `sim-admin` and `sim-viewer`), so everything written against one sim keeps working.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import type { Scenario } from '../fleet/types';
import { writeKubeconfig } from './client-credentials';
import type { SimHandle } from './serve';
import { startSim } from './start';

export interface ClusterSpec {
  /** cluster, context and (with `-admin`) user name in the kubeconfig; ignored for the first cluster */
  name: string;
  scenario: Scenario;
  nodes?: number;
  seed?: number;
  metrics?: boolean;
  latency?: boolean;
  pendingCsrs?: number;
}

/** A context that points somewhere on purpose (an address nothing answers, a token no cluster knows). */
export interface ExtraContext {
  name: string;
  /** the cluster entry: another cluster's (by spec name) or a raw server URL */
  cluster: { of: string } | { server: string };
  token: string;
}

export interface SimClusters {
  clusters: Array<{ name: string; context: string; sim: SimHandle }>;
  kubeconfig: string;
  kubeconfigPath: string | undefined;
  close(): Promise<void>;
}

const b64 = (pem: string) => Buffer.from(pem).toString('base64');

/** The kubeconfig document for the started clusters and the extra contexts, first cluster first. */
function render(started: SimClusters['clusters'], extra: readonly ExtraContext[]): string {
  const [first, ...rest] = started;
  if (!first) throw new Error('no clusters');
  const clusterName = (i: number, name: string) => (i === 0 ? 'sim' : name);
  const clusters = started.map((c, i) => ({
    name: clusterName(i, c.name),
    cluster: { server: c.sim.url, 'certificate-authority-data': b64(c.sim.caPem) },
  }));
  const users = [
    { name: 'sim-admin', user: { token: first.sim.tokens.admin } },
    { name: 'sim-viewer', user: { token: first.sim.tokens.viewer } },
    ...rest.map((c) => ({ name: `${c.name}-admin`, user: { token: c.sim.tokens.admin } })),
  ];
  const contexts = [
    { name: 'sim-admin', context: { cluster: 'sim', user: 'sim-admin' } },
    { name: 'sim-viewer', context: { cluster: 'sim', user: 'sim-viewer' } },
    ...rest.map((c) => ({ name: c.context, context: { cluster: c.name, user: `${c.name}-admin` } })),
  ];
  for (const x of extra) {
    let cluster: string;
    if ('of' in x.cluster) {
      const { of } = x.cluster;
      const i = started.findIndex((c) => c.name === of);
      if (i < 0) throw new Error(`extra context ${x.name}: no cluster ${of}`);
      cluster = clusterName(i, of);
    } else {
      cluster = x.name;
      clusters.push({
        name: x.name,
        cluster: { server: x.cluster.server, 'certificate-authority-data': b64(first.sim.caPem) },
      });
    }
    users.push({ name: x.name, user: { token: x.token } });
    contexts.push({ name: x.name, context: { cluster, user: x.name } });
  }
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters,
    users,
    contexts,
    'current-context': 'sim-admin',
    preferences: {},
  });
}

/**
 * Starts every cluster (in parallel), then writes one kubeconfig for all of them (atomically, once every port
 * listens). With `stateDir`, each cluster keeps its CA, tokens and port across restarts: the first in `stateDir`
 * itself (where a single sim keeps them), the others in `stateDir/clusters/<name>`.
 */
export async function startSimClusters(o: {
  clusters: readonly ClusterSpec[];
  extraContexts?: readonly ExtraContext[];
  kubeconfigPath?: string;
  stateDir?: string;
  host?: string;
  tickMs?: number;
  /** the first cluster's port (0 = any); the others always take a free one (or their saved one) */
  port?: number;
}): Promise<SimClusters> {
  const started = await Promise.all(
    o.clusters.map(async (spec, i) => {
      const sim = await startSim({
        scenario: spec.scenario,
        nodes: spec.nodes,
        seed: spec.seed,
        metrics: spec.metrics,
        latency: spec.latency,
        pendingCsrs: spec.pendingCsrs,
        port: i === 0 ? (o.port ?? 0) : 0,
        host: o.host,
        tickMs: o.tickMs,
        stateDir: o.stateDir && (i === 0 ? o.stateDir : path.join(o.stateDir, 'clusters', spec.name)),
      });
      return { name: spec.name, context: i === 0 ? 'sim-admin' : spec.name, sim };
    }),
  );
  const kubeconfig = render(started, o.extraContexts ?? []);
  if (o.kubeconfigPath) await writeKubeconfig(o.kubeconfigPath, kubeconfig);
  return {
    clusters: started,
    kubeconfig,
    kubeconfigPath: o.kubeconfigPath,
    close: async () => void (await Promise.all(started.map((c) => c.sim.close()))),
  };
}

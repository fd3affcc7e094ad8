import { startCsrPool } from './csr-pool';
import { createCsrSet, POOL_THRESHOLD } from './csr-set';
import { kubeadmConfigMap } from './kubeadm-configmap';
import { buildNodeMetrics, buildPodMetrics } from './metrics-server';
import { initNodeState, tickNodeState, type NodeState } from './fleet-state';
import { createRng, rfc3339 } from './rng';
import { DEMO_CLUSTER_VERSIONS } from './demo-clusters';
import { demoClusterNodes } from './scenario-clusters';
import { demoNodes } from './scenario-demo';
import { buildSummary } from './summary';
import type { Fleet, FleetOptions, KubeObject, LatencyModel, TickResult } from './types';

const SCALE_LATENCY: LatencyModel = { medianMs: 30, tailFraction: 0.01, tailMs: 1000, hungFraction: 0.002 };

/** Build the simulated cluster. Deterministic in (scenario, seed, now, nodes). */
export async function createFleet(opts: FleetOptions): Promise<Fleet> {
  const seed = opts.seed ?? 1;
  const now = opts.now;
  const pendingCsrs = opts.pendingCsrs ?? (opts.scenario === 'scale' ? 1000 : 0);
  // CSR workers boot while the nodes are built, then sign while this thread builds the pods
  const pool = pendingCsrs >= POOL_THRESHOLD ? startCsrPool() : undefined;
  const scale =
    opts.scenario === 'scale'
      ? (await import('./scenario-scale')).scaleNodes(seed, now, opts.nodes ?? 5000)
      : undefined;
  const models =
    scale?.nodes ??
    (opts.scenario === 'kubeasz' || opts.scenario === 'ack'
      ? demoClusterNodes(opts.scenario, seed, now)
      : demoNodes(seed, now));
  const csrSetReady = createCsrSet({
    scenario: opts.scenario,
    nodes: models,
    seed,
    now,
    pendingCsrs,
    intervalSeconds: opts.csrIntervalSeconds ?? (opts.scenario === 'demo' ? 120 : 0),
    pool,
  }).finally(() => pool?.close());
  scale?.populatePods();
  const states = models.map((m) => initNodeState(m, seed, now));
  const byName = new Map<string, NodeState>(states.map((s) => [s.model.name, s]));
  const get = (name: string): NodeState => {
    const s = byName.get(name);
    if (!s) throw new RangeError(`no simulated node "${name}"`);
    return s;
  };
  const pods: KubeObject[] = [];
  for (const m of models) for (const p of m.pods) pods.push(p.object);

  const rng = createRng(seed, 'cluster');
  const clusterBorn = new Date(Math.min(...models.map((m) => m.createdAt.getTime())));
  // only kubeadm writes kube-system/kubelet-config: the binary install and the managed cluster have none
  const kubeadm = opts.scenario === 'demo' || opts.scenario === 'scale';
  const configMaps = kubeadm ? [kubeadmConfigMap(rfc3339(clusterBorn), rng.uuid())] : [];
  const csrSet = await csrSetReady;

  const fleet: Fleet = {
    scenario: opts.scenario,
    serverVersion:
      opts.scenario === 'kubeasz' || opts.scenario === 'ack' ? DEMO_CLUSTER_VERSIONS[opts.scenario] : 'v1.33.2',
    metricsEnabled: opts.metrics ?? true,
    latency: opts.scenario === 'scale' && opts.latency !== false ? { ...SCALE_LATENCY } : null,
    nodes: states.map((s) => s.sim),
    pods,
    csrs: csrSet.initial,
    configMaps,
    summary: (nodeName, at, onlyCpuAndMemory) => buildSummary(get(nodeName).model, seed, at, onlyCpuAndMemory),
    nodeMetrics: (nodeName, at) => {
      const s = get(nodeName);
      return buildNodeMetrics(s.model, s.sim.object.metadata.labels ?? {}, seed, at);
    },
    podMetrics: (at) => states.flatMap((s) => buildPodMetrics(s.model, seed, at)),
    tick: async (at): Promise<TickResult> => {
      const changedNodes = states.filter((s) => tickNodeState(s, seed, at)).map((s) => s.sim);
      // the server stores these; fleet.csrs stays the initial set
      const newCsrs = await csrSet.due(at);
      return { changedNodes, newCsrs };
    },
  };
  return fleet;
}

import type { NodeModel } from './model';
import { hash32, rfc3339 } from './rng';
import type { KubeObject } from './types';
import { nodeUsage } from './usage';

/** metrics-server cannot scrape these kubelets, so it publishes no metrics for them. */
function scrapeable(m: NodeModel): boolean {
  return !m.notReady && (m.fault === undefined || m.fault.kind === 'slow');
}

/** metrics-server's window: the gap between its two cAdvisor samples, e.g. "20.037s". */
function windowOf(key: string): string {
  const h = hash32(7, key);
  return `${10 + (h % 11)}.${String(h % 1000).padStart(3, '0')}s`;
}

function kibibytes(bytes: number): string {
  return `${Math.round(bytes / 1024)}Ki`;
}

/** NodeMetrics: cpu = node usageNanoCores, memory = node workingSetBytes, from the same sample as the Summary. */
export function buildNodeMetrics(
  m: NodeModel,
  labels: Record<string, string>,
  seed: number,
  now: Date,
): KubeObject | undefined {
  if (!scrapeable(m)) return undefined;
  const u = nodeUsage(m, seed, now);
  return {
    kind: 'NodeMetrics',
    apiVersion: 'metrics.k8s.io/v1beta1',
    metadata: { name: m.name, uid: '', creationTimestamp: rfc3339(now), labels },
    timestamp: rfc3339(u.sampleTime),
    window: windowOf(m.key),
    usage: { cpu: `${Math.round(u.cpuNanoCores)}n`, memory: kibibytes(u.workingSetBytes) },
  };
}

/** PodMetrics for every running pod on a scrapeable node; per container, like metrics-server. */
export function buildPodMetrics(m: NodeModel, seed: number, now: Date): KubeObject[] {
  if (!scrapeable(m)) return [];
  const u = nodeUsage(m, seed, now);
  const out: KubeObject[] = [];
  m.pods.forEach((p, i) => {
    const pu = u.pods[i];
    if (!p.running || !pu) return;
    const labels = p.object.metadata.labels ?? {};
    out.push({
      kind: 'PodMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: { name: p.name, namespace: p.namespace, uid: '', creationTimestamp: rfc3339(now), labels },
      timestamp: rfc3339(u.sampleTime),
      window: windowOf(p.uid),
      containers: p.containers.map((name, ci) => {
        const c = pu.containers[ci] ?? { cpuNanoCores: 0, workingSetBytes: 0 };
        return { name, usage: { cpu: `${Math.round(c.cpuNanoCores)}n`, memory: kibibytes(c.workingSetBytes) } };
      }),
    });
  });
  return out;
}

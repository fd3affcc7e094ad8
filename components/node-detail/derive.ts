import type { NodePod } from '@/lib/api/node-detail';
import type { BudgetResource } from '@/lib/domain/allocatable';
import type { PodMemoryFacts, QosClass } from '@/lib/domain/eviction-ranking';
import { minimumMinorFromConfig, minorOf, parseKubeletVersion } from '@/lib/domain/kubelet-version';
import { toMillis, toUnits, tryParseQuantity } from '@/lib/domain/quantity';
import type { Summary } from '@/lib/api/kubelet';

/** Pure glue between the wire shapes and the domain functions; no React here, so it is unit-tested. */

/** The kubelet minor to resolve defaults for: the Node's version, else what configz implies, else the reference. */
export function kubeletMinor(
  kubeletVersion: string | undefined,
  config: Record<string, unknown> | undefined,
): {
  minor: number;
  source: 'node' | 'configz' | 'assumed';
} {
  const v = parseKubeletVersion(kubeletVersion);
  if (v) return { minor: minorOf(v), source: 'node' };
  const fromConfig = config ? minimumMinorFromConfig(config) : undefined;
  if (fromConfig) return { minor: fromConfig, source: 'configz' };
  return { minor: 36, source: 'assumed' };
}

const amount = (r: BudgetResource, text: string | undefined): bigint => {
  const q = tryParseQuantity(text);
  if (!q) return 0n;
  return r === 'cpu' ? toMillis(q) : toUnits(q);
};

/** Sum of pod requests or limits per budget resource (cpu in millicores, bytes otherwise). */
export function sumPodResources(
  pods: readonly NodePod[],
  which: 'requests' | 'limits',
): Partial<Record<BudgetResource, bigint>> {
  const out: Partial<Record<BudgetResource, bigint>> = {};
  for (const r of ['cpu', 'memory', 'ephemeral-storage'] as const) {
    out[r] = pods.reduce((sum, p) => sum + amount(r, p[which][r]), 0n);
  }
  return out;
}

const QOS = new Set<QosClass>(['Guaranteed', 'Burstable', 'BestEffort']);

/**
 * Pod facts for the eviction ranking: requests from the pod list, working set from the Summary summed over
 * containers (what the eviction manager reads), falling back to the pod cgroup's working set.
 */
export function podMemoryFacts(pods: readonly NodePod[], summary: Summary | undefined): PodMemoryFacts[] {
  const usage = new Map<string, bigint>();
  for (const s of summary?.pods ?? []) {
    const containers = s.containers ?? [];
    const sum = containers.reduce<bigint | undefined>((acc, c) => {
      const ws = c.memory?.workingSetBytes;
      return ws === undefined || ws === null ? acc : (acc ?? 0n) + BigInt(Math.trunc(ws));
    }, undefined);
    const podWs = s.memory?.workingSetBytes;
    const value = sum ?? (podWs === undefined || podWs === null ? undefined : BigInt(Math.trunc(podWs)));
    if (value !== undefined) usage.set(`${s.podRef.namespace}/${s.podRef.name}`, value);
  }
  return pods.map((p) => {
    const ws = summary ? usage.get(`${p.namespace}/${p.name}`) : undefined;
    return {
      namespace: p.namespace,
      name: p.name,
      qosClass: QOS.has(p.qosClass as QosClass) ? (p.qosClass as QosClass) : 'BestEffort',
      priority: p.priority ?? 0,
      memoryRequestBytes: amount('memory', p.requests.memory),
      ...(ws !== undefined ? { workingSetBytes: ws } : {}),
    };
  });
}

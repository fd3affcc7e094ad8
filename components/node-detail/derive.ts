import type { NodePod } from '@/lib/api/node-detail';
import type { BudgetResource } from '@/lib/domain/allocatable';
import type { FsLayout, PodDiskUsage, PodEvictionFacts } from '@/lib/domain/eviction-order';
import type { QosClass } from '@/lib/domain/eviction-ranking';
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

const big = (n: number | null | undefined): bigint => (n === undefined || n === null ? 0n : BigInt(Math.trunc(n)));

type SummaryPod = NonNullable<Summary['pods']>[number];

/** Local storage a pod uses, by part, from its Summary entry (pkg/kubelet/eviction/helpers.go podDiskUsage). */
function diskOf(s: SummaryPod): PodDiskUsage {
  const containers = s.containers ?? [];
  // local volumes: the pod's volumes other than PersistentVolumeClaims (emptyDir, configMap, secret, …)
  const local = (s.volume ?? []).filter((v) => v.pvcRef === undefined || v.pvcRef === null);
  return {
    rootfsBytes: containers.reduce((n, c) => n + big(c.rootfs?.usedBytes), 0n),
    rootfsInodes: containers.reduce((n, c) => n + big(c.rootfs?.inodesUsed), 0n),
    logsBytes: containers.reduce((n, c) => n + big(c.logs?.usedBytes), 0n),
    logsInodes: containers.reduce((n, c) => n + big(c.logs?.inodesUsed), 0n),
    localVolumeBytes: local.reduce((n, v) => n + big(v.usedBytes), 0n),
    localVolumeInodes: local.reduce((n, v) => n + big(v.inodesUsed), 0n),
  };
}

/**
 * Pod facts for the eviction order: requests and the mirror mark from the pod list; usage from the Summary
 * entry of the same pod. The memory usage is the pod's own working set (helpers.go memoryUsage(podStats.Memory),
 * 0 when the entry has no memory block); a pod missing from the Summary has no stats, which the kubelet ranks first.
 */
export function podEvictionFacts(pods: readonly NodePod[], summary: Summary | undefined): PodEvictionFacts[] {
  const stats = new Map<string, SummaryPod>();
  for (const s of summary?.pods ?? []) stats.set(`${s.podRef.namespace}/${s.podRef.name}`, s);
  return pods.map((p) => {
    const s = summary ? stats.get(`${p.namespace}/${p.name}`) : undefined;
    return {
      namespace: p.namespace,
      name: p.name,
      qosClass: QOS.has(p.qosClass as QosClass) ? (p.qosClass as QosClass) : 'BestEffort',
      priority: p.priority ?? 0,
      memoryRequestBytes: amount('memory', p.requests.memory),
      ephemeralStorageRequestBytes: amount('ephemeral-storage', p.requests['ephemeral-storage']),
      ...(p.mirror ? { mirror: true } : {}),
      ...(s
        ? {
            workingSetBytes: big(s.memory?.workingSetBytes),
            disk: diskOf(s),
            processCount: big(s.process_stats?.process_count),
          }
        : {}),
    };
  });
}

const sameFs = (
  a: { capacityBytes?: number | null; availableBytes?: number | null } | null | undefined,
  b: { capacityBytes?: number | null; availableBytes?: number | null } | null | undefined,
) => !a || !b || (a.capacityBytes === b.capacityBytes && a.availableBytes === b.availableBytes);

/**
 * Which filesystems are separate. The kubelet asks cAdvisor whether the image filesystem is on another device;
 * the Summary reports the same numbers for one filesystem seen twice, so differing capacity or free space means
 * a dedicated image filesystem (and likewise a containerfs apart from it).
 */
export function fsLayoutOf(summary: Summary | undefined): FsLayout {
  const node = summary?.node;
  const imageFs = node?.runtime?.imageFs;
  const containerFs = node?.runtime?.containerFs;
  const dedicatedImageFs = Boolean(imageFs) && !sameFs(imageFs, node?.fs);
  return {
    dedicatedImageFs,
    splitContainerFs: dedicatedImageFs && Boolean(containerFs) && !sameFs(containerFs, imageFs),
  };
}

import 'server-only';
import type { NodeDetail, NodeMetrics } from '@/lib/api/node-detail';
import type { NodeRow } from '@/lib/api/nodes';
import type { PodTotals } from '@/lib/domain/node-row';
import { toMillis, toUnits, tryParseQuantity, type Quantity } from '@/lib/domain/quantity';

const cpuMillis = (q: Quantity | undefined) => (q ? Number(toMillis(q)) : 0);
const bytes = (q: Quantity | undefined) => (q ? Number(toUnits(q)) : 0);

function cpuMemoryPods(list: Record<string, string>) {
  return {
    cpuMillis: cpuMillis(tryParseQuantity(list.cpu)),
    memoryBytes: bytes(tryParseQuantity(list.memory)),
    pods: bytes(tryParseQuantity(list.pods)),
  };
}

/**
 * The node table's rows from the three independent sources: nodes, NodeMetrics and pod totals per node (summed
 * over non-terminated pods by lib/fleet/pod-totals.ts, as `kubectl describe node` counts them). `metrics`
 * or `totals` is null when that source failed; the affected columns are then null for every row rather than zero
 * (zero would be a lie). Percentages are left to the UI, which divides by `allocatable`.
 */
export function nodeRows(
  nodes: readonly NodeDetail[],
  metrics: readonly NodeMetrics[] | null,
  totals: ReadonlyMap<string, PodTotals> | null,
): NodeRow[] {
  const usageByNode = new Map(metrics?.map((m) => [m.name, m]));
  return nodes.map((n) => {
    const usage = usageByNode.get(n.name);
    const t = totals?.get(n.name);
    return {
      name: n.name,
      ready: n.ready,
      roles: n.roles,
      kubeletVersion: n.nodeInfo.kubeletVersion,
      osImage: n.nodeInfo.osImage,
      kernelVersion: n.nodeInfo.kernelVersion,
      architecture: n.nodeInfo.architecture,
      containerRuntime: n.nodeInfo.containerRuntime,
      ...(n.internalIP ? { internalIP: n.internalIP } : {}),
      createdAt: n.createdAt,
      unschedulable: n.unschedulable,
      taints: n.taints,
      pressures: n.pressures,
      capacity: cpuMemoryPods(n.capacity),
      allocatable: cpuMemoryPods(n.allocatable),
      usage: usage ? { cpuMillis: usage.cpuMillis, memoryBytes: usage.memoryBytes } : null,
      requests: totals ? { cpuMillis: cpuMillis(t?.requests.cpu), memoryBytes: bytes(t?.requests.memory) } : null,
      limits: totals ? { cpuMillis: cpuMillis(t?.limits.cpu), memoryBytes: bytes(t?.limits.memory) } : null,
      podCount: totals ? (t?.count ?? 0) : null,
      labels: n.labels,
    };
  });
}

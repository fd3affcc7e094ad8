import type { NodeDetail, NodeMetrics } from '@/lib/api/node-detail';
import type { NodeRow } from '@/lib/api/nodes';
import { addQuantities, compareQuantities, toMillis, toUnits, tryParseQuantity, type Quantity } from './quantity';

/** Resource name → exact quantity (cpu in cores, memory in bytes, as the API states them). */
export type ResourceAmounts = Record<string, Quantity>;

export interface ContainerResources {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
  /** "Always" on an init container makes it a restartable sidecar (KEP-753) */
  restartPolicy?: string;
}

/** The per-pod facts the node table needs (reshaped once from the cluster-wide pod list). */
export interface PodResources {
  namespace: string;
  name: string;
  /** null for a pod not yet scheduled */
  nodeName: string | null;
  phase: string;
  qosClass?: string;
  priority?: number;
  /** a static pod's mirror in the API (annotation kubernetes.io/config.mirror): the kubelet never evicts it */
  mirror?: boolean;
  requests: ResourceAmounts;
  limits: ResourceAmounts;
}

function parseList(list: Record<string, string> | undefined): ResourceAmounts {
  const out: ResourceAmounts = {};
  for (const [name, text] of Object.entries(list ?? {})) {
    const q = tryParseQuantity(text);
    if (q) out[name] = q; // an unparseable quantity cannot have passed apiserver validation; skip it
  }
  return out;
}

function add(into: ResourceAmounts, list: ResourceAmounts): void {
  for (const [name, q] of Object.entries(list)) {
    const prev = into[name];
    into[name] = prev ? addQuantities(prev, q) : q;
  }
}

function max(into: ResourceAmounts, list: ResourceAmounts): void {
  for (const [name, q] of Object.entries(list)) {
    const prev = into[name];
    if (!prev || compareQuantities(q, prev) > 0) into[name] = q;
  }
}

function effective(
  key: 'requests' | 'limits',
  containers: readonly ContainerResources[],
  initContainers: readonly ContainerResources[],
): ResourceAmounts {
  const total: ResourceAmounts = {};
  for (const c of containers) add(total, parseList(c[key]));
  const sidecars: ResourceAmounts = {};
  const initMax: ResourceAmounts = {};
  for (const c of initContainers) {
    const own = parseList(c[key]);
    if (c.restartPolicy === 'Always') {
      // A sidecar keeps running beside the app containers, and beside every init container started after it.
      add(total, own);
      add(sidecars, own);
      max(initMax, { ...sidecars });
    } else {
      const during: ResourceAmounts = { ...own };
      add(during, sidecars);
      max(initMax, during);
    }
  }
  max(total, initMax);
  return total;
}

/**
 * A pod's effective requests and limits, per resource, as `kubectl describe node` sums them
 * (k8s.io/component-helpers/resource PodRequests/PodLimits): the sum of app containers and sidecars, or the
 * largest init container (plus the sidecars started before it) if that is larger; then pod overhead is added to
 * every request, but only to limits that are already set. Pod-level resources (spec.resources, 1.32+) replace
 * the container totals for cpu and memory when set.
 */
export function podRequestsAndLimits(spec: {
  containers: readonly ContainerResources[];
  initContainers?: readonly ContainerResources[];
  overhead?: Record<string, string>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}): { requests: ResourceAmounts; limits: ResourceAmounts } {
  const init = spec.initContainers ?? [];
  const requests = effective('requests', spec.containers, init);
  const limits = effective('limits', spec.containers, init);
  for (const [key, target] of [
    ['requests', requests],
    ['limits', limits],
  ] as const) {
    const podLevel = parseList(spec.resources?.[key]);
    for (const name of ['cpu', 'memory']) {
      const q = podLevel[name];
      if (q) target[name] = q;
    }
  }
  const overhead = parseList(spec.overhead);
  add(requests, overhead);
  for (const [name, q] of Object.entries(overhead)) {
    const limit = limits[name];
    if (limit) limits[name] = addQuantities(limit, q);
  }
  return { requests, limits };
}

const cpuMillis = (q: Quantity | undefined) => (q ? Number(toMillis(q)) : 0);
const bytes = (q: Quantity | undefined) => (q ? Number(toUnits(q)) : 0);

function cpuMemoryPods(list: Record<string, string>) {
  return {
    cpuMillis: cpuMillis(tryParseQuantity(list.cpu)),
    memoryBytes: bytes(tryParseQuantity(list.memory)),
    pods: bytes(tryParseQuantity(list.pods)),
  };
}

export interface PodTotals {
  requests: ResourceAmounts;
  limits: ResourceAmounts;
  count: number;
}

/** Groups pods by node in one pass (a 5000-node cluster must not cost 5000 pod lists). Unscheduled pods are skipped. */
export function totalsByNode(pods: readonly PodResources[]): Map<string, PodTotals> {
  const byNode = new Map<string, PodTotals>();
  for (const pod of pods) {
    if (!pod.nodeName) continue;
    let t = byNode.get(pod.nodeName);
    if (!t) byNode.set(pod.nodeName, (t = { requests: {}, limits: {}, count: 0 }));
    add(t.requests, pod.requests);
    add(t.limits, pod.limits);
    t.count++;
  }
  return byNode;
}

/**
 * Assembles the node table rows from the three independent sources. `metrics` or `pods` is null when that source
 * failed; the affected columns are then null for every row rather than zero (zero would be a lie).
 * Pods must already be the non-terminated ones (phase not Succeeded/Failed), as kubectl describe node counts them.
 * Percentages are left to the UI, which divides by `allocatable`.
 */
export function buildNodeRows(
  nodes: readonly NodeDetail[],
  metrics: readonly NodeMetrics[] | null,
  pods: readonly PodResources[] | null,
): NodeRow[] {
  return buildNodeRowsFromTotals(nodes, metrics, pods ? totalsByNode(pods) : null);
}

/**
 * buildNodeRows from pod totals already grouped by node (totalsByNode, or summed page by page by a caller that
 * never holds the whole pod list). `totals` null = pods unavailable.
 */
export function buildNodeRowsFromTotals(
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

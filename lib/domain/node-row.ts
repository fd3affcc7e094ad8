import { addQuantities, compareQuantities, tryParseQuantity, type Quantity } from './quantity';

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

export interface PodTotals {
  requests: ResourceAmounts;
  limits: ResourceAmounts;
  count: number;
}

/**
 * Groups pods by node in one pass. Unscheduled pods are skipped. @internal The server keeps these totals from a
 * pods watch (lib/fleet/pod-totals.ts); tests use this as the from-a-list reference.
 */
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

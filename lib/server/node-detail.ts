import 'server-only';
import { cache } from 'react';
import type { Configz, Summary } from '@/lib/api/kubelet';
import type { NodeDetail, NodeMetrics, NodePodsResponse } from '@/lib/api/node-detail';
import type { ReadAt } from '@/lib/api/freshness';
import { NodeNameSchema } from '@/lib/api/names';
import { AppError } from '@/lib/errors';
import type { NodeFacts } from '@/lib/fleet/configz-cache';
import { getFleet, watchedFacts } from '@/lib/fleet/fleet';
import { unsettle } from '@/lib/fleet/settle';
import type { Kube } from '@/lib/k8s/client';
import { getNodeMetrics } from '@/lib/k8s/node-metrics';
import { getNode } from '@/lib/k8s/nodes';
import { listPodsOnNode, toNodePod } from '@/lib/k8s/pods';

/**
 * The node page's parts, one function per panel (each fails alone). Kubelet reads (configz, stats/summary) go
 * through the fleet layer like every other kubelet read, as interactive work: they share the identity's pool,
 * deadline and caches with sweeps and compare, start before queued background reads, and a page never gets a
 * cached failure or a configz older than one refresh period (FleetSettings.configzPageMaxAgeMs).
 */

/**
 * A person's "refresh this panel" (`?fresh=1`) accepts a cached read only if it is younger than this: it bypasses the
 * caches (configz may otherwise be a refresh period old, sweeps keep it for 30 min) without letting a page hammer
 * the kubelet: clicks inside this window get the read just made, and concurrent refreshes join the one read in
 * flight (SharedCache), all within the identity's pool bounds.
 * @internal exported for its unit tests
 */
export const FRESH_READ_FLOOR_MS = 2000;

/** Freshness asked for by the page: the default cache windows, or a refresh. */
export interface ReadFreshness {
  fresh?: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * `{ kubeletconfig, fetchedAt }` as the node's kubelet serves it on /configz, through the fleet's pool and cache;
 * `fetchedAt` is when the kubelet was read (a cached body keeps its own time).
 */
export async function nodeConfigz(
  kube: Kube,
  name: string,
  facts?: NodeFacts,
  o: ReadFreshness = {},
): Promise<Configz & ReadAt> {
  const node = NodeNameSchema.parse(name);
  const fleet = getFleet(kube);
  const read = await fleet.configz.read(node, facts ?? watchedFacts(fleet, node), {
    priority: 'interactive',
    maxAgeMs: o.fresh ? FRESH_READ_FLOOR_MS : fleet.settings.configzPageMaxAgeMs,
  });
  return { kubeletconfig: unsettle(read), fetchedAt: iso(read.at) };
}

/**
 * The kubelet's stats/v1alpha1 Summary, through the fleet's pool (shared by the node's viewers for a few seconds),
 * with `fetchedAt`, when the kubelet answered.
 */
export async function nodeSummary(
  kube: Kube,
  name: string,
  o: { onlyCpuAndMemory?: boolean } & ReadFreshness = {},
): Promise<Summary & ReadAt> {
  const node = NodeNameSchema.parse(name);
  const read = await getFleet(kube).summaries.get(node, {
    ...(o.onlyCpuAndMemory ? { onlyCpuAndMemory: true } : {}),
    ...(o.fresh ? { maxAgeMs: FRESH_READ_FLOOR_MS } : {}),
  });
  return { ...unsettle(read), fetchedAt: iso(read.at) };
}

/** The Node object, reshaped, read now (no cache), with that time. */
export async function nodeObject(kube: Kube, name: string, signal?: AbortSignal): Promise<NodeDetail & ReadAt> {
  return { ...(await getNode(kube, name, signal)), fetchedAt: new Date().toISOString() };
}

/**
 * nodeObject, once per page render: the node segment's layout (does it exist? 404 if not) and the pages below it
 * (detail, explain) share the answer through React's per-request cache.
 */
export const nodeObjectForPage = cache((kube: Kube, name: string): Promise<NodeDetail> => getNode(kube, name));

/**
 * The node's non-terminated pods with requests/limits summed like `kubectl describe node`. A field-selected list
 * is empty for a node that does not exist too, so an empty one is checked: NotFoundError (404), not [].
 */
export async function nodePods(kube: Kube, name: string, signal?: AbortSignal): Promise<NodePodsResponse & ReadAt> {
  const pods = await listPodsOnNode(kube, name, signal);
  const fetchedAt = new Date().toISOString();
  if (pods.length === 0) await getNode(kube, name, signal);
  return { node: NodeNameSchema.parse(name), items: pods.map(toNodePod), fetchedAt };
}

/** NodeMetrics from metrics.k8s.io (503 MetricsUnavailable without metrics-server). */
export function nodeMetrics(kube: Kube, name: string, signal?: AbortSignal): Promise<NodeMetrics> {
  return getNodeMetrics(kube, name, signal);
}

/** Server prefetch waits this long per part; slower kubelets are fetched by the browser, so first paint stays fast. */
const PREFETCH_BUDGET_MS = 1500;
const within = <T>(p: Promise<T>) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('prefetch budget')), PREFETCH_BUDGET_MS)),
  ]);

export interface NodeDetailPrefetch {
  /** the Node does not exist: the page is a 404 */
  notFound: boolean;
  node?: NodeDetail & ReadAt;
  configz?: Configz & ReadAt;
  summary?: Summary & ReadAt;
  pods?: NodePodsResponse & ReadAt;
}

/**
 * What the node page can render on the server: each part that answered within the budget. A failing or slow part
 * is left out (the browser fetches it and shows its own error) while the rest renders; only a missing node is a 404.
 */
export async function prefetchNodeDetail(kube: Kube, name: string): Promise<NodeDetailPrefetch> {
  const out: NodeDetailPrefetch = { notFound: false };
  try {
    out.node = { ...(await within(nodeObjectForPage(kube, name))), fetchedAt: new Date().toISOString() };
  } catch (err) {
    // getNode throws a plain AppError with code 404 (from the API server's Status), not a NotFoundError.
    if (err instanceof AppError && err.code === 404) return { notFound: true };
  }
  const facts = out.node && { kubeletVersion: out.node.nodeInfo.kubeletVersion, ready: out.node.ready };
  const [configz, summary, pods] = await Promise.allSettled([
    within(nodeConfigz(kube, name, facts)),
    within(nodeSummary(kube, name)),
    within(nodePods(kube, name)),
  ]);
  if (configz.status === 'fulfilled') out.configz = configz.value;
  if (summary.status === 'fulfilled') out.summary = summary.value;
  if (pods.status === 'fulfilled') out.pods = pods.value;
  return out;
}

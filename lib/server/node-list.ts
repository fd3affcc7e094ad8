import 'server-only';
import type { NodeMetrics } from '@/lib/api/node-detail';
import type { NodeListResponse } from '@/lib/api/nodes';
import type { PartAvailability } from '@/lib/api/partial';
import type { PodTotals } from '@/lib/domain/node-row';
import type { Kube } from '@/lib/k8s/client';
import { podTotalsByNode } from '@/lib/k8s/fleet-sources';
import { listNodeMetrics } from '@/lib/k8s/node-metrics';
import { observeApiCall } from '@/lib/observability/prometheus';
import { getFleet, type Fleet } from '@/lib/fleet/fleet';
import { settle, type Settled } from '@/lib/fleet/settle';
import { SharedCache } from '@/lib/fleet/shared-cache';
import { nodeRows } from './node-rows';
import { syncFields } from './sync-fields';

interface ListCaches {
  metrics: SharedCache<'all', Settled<NodeMetrics[]>>;
  pods: SharedCache<'all', Settled<Map<string, PodTotals>>>;
}

const caches = new WeakMap<Fleet, ListCaches>();

function listCaches(fleet: Fleet): ListCaches {
  let c = caches.get(fleet);
  if (!c) caches.set(fleet, (c = { metrics: new SharedCache('node-metrics'), pods: new SharedCache('pod-totals') }));
  return c;
}

/** A first pod-totals load longer than this answers "still loading" instead of holding the page. */
const COLD_WAIT_MS = 3000;

/**
 * Stale-while-revalidate over one cache entry: fresh → it; stale → it, and one background reload (shared by
 * every caller); none yet → wait up to `coldWaitMs` for the first load (undefined if it takes longer).
 */
async function swr<V>(
  cache: SharedCache<'all', V>,
  load: () => Promise<V>,
  maxAgeMs: number,
  coldWaitMs: number,
): Promise<V | undefined> {
  const entry = cache.peek('all');
  if (entry && Date.now() - entry.storedAt < maxAgeMs) return entry.value;
  const loading = cache.get('all', load, () => false);
  if (entry) return entry.value;
  const timeout = new Promise<undefined>((resolve) => {
    const timer = setTimeout(resolve, coldWaitMs);
    void loading.finally(() => clearTimeout(timer));
  });
  return Promise.race([loading, timeout]);
}

function part(s: Settled<unknown> | undefined, what: string): PartAvailability {
  if (!s)
    return {
      available: false,
      reason: 'Loading',
      code: 202,
      message: `${what} are still loading; they appear on the next refresh.`,
    };
  if (s.ok) return { available: true };
  return { available: false, reason: s.reason, code: s.code, message: s.message, ...(s.hint ? { hint: s.hint } : {}) };
}

/**
 * GET /api/nodes from the shared caches: nodes from the identity's watch (no LIST per request), NodeMetrics
 * from one LIST per refresh period and pod requests/limits/counts from one paginated pod LIST per period,
 * kept as per-node totals. However many tabs poll, the apiserver sees one of each per period. Only a nodes
 * failure fails the response: metrics or pods failing (metrics-server missing, pods forbidden…) marks that part
 * unavailable and leaves its columns null.
 */
export async function getFleetNodeList(kube: Kube): Promise<NodeListResponse> {
  const fleet = getFleet(kube);
  const c = listCaches(fleet);
  const maxAge = fleet.settings.refreshMs;
  const [, metrics, pods] = await Promise.all([
    fleet.nodes.ready(),
    swr(
      c.metrics,
      () => settle(() => observeApiCall('metrics.list', () => listNodeMetrics(kube))),
      maxAge,
      COLD_WAIT_MS,
    ),
    swr(c.pods, () => settle(() => observeApiCall('pods.list', () => podTotalsByNode(kube))), maxAge, COLD_WAIT_MS),
  ]);
  const nodes = fleet.nodes.list().map((w) => w.node);
  return {
    items: nodeRows(nodes, metrics?.ok ? metrics.value : null, pods?.ok ? pods.value : null),
    metrics: part(metrics, 'Node metrics'),
    pods: part(pods, 'Pod totals'),
    context: kube.context,
    ...syncFields(fleet.nodes.sync),
  };
}

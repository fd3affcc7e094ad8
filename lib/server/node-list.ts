import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NodeMetrics } from '@/lib/api/node-detail';
import type { NodeListResponse } from '@/lib/api/nodes';
import type { PartAvailability } from '@/lib/api/partial';
import type { PodTotals } from '@/lib/domain/node-row';
import type { Kube } from '@/lib/k8s/client';
import { listNodeMetrics } from '@/lib/k8s/node-metrics';
import { observeApiCall } from '@/lib/observability/prometheus';
import { getFleet, type Fleet } from '@/lib/fleet/fleet';
import { settle, type Settled } from '@/lib/fleet/settle';
import { SharedCache } from '@/lib/fleet/shared-cache';
import { nodeRows } from './node-rows';
import { getRequestKube } from './request-kube';
import { syncFields } from './sync-fields';

interface ListCaches {
  metrics: SharedCache<'all', Settled<NodeMetrics[]>>;
  /** the pod informer's last failed first list, kept a refresh period so polls do not relist every time */
  podsFailure?: Settled<never>;
}

const caches = new WeakMap<Fleet, ListCaches>();

function listCaches(fleet: Fleet): ListCaches {
  let c = caches.get(fleet);
  if (!c) caches.set(fleet, (c = { metrics: new SharedCache('node-metrics') }));
  return c;
}

/**
 * A first metrics or pod-totals load longer than this answers "still loading" instead of holding the answer: the
 * browser then asks again after 1 s (lib/queries/nodes.ts), so a cold server answers within about a second with
 * every node and says which columns are still coming (issue 20: `/api/nodes` ≤ 1 s cold). The first pods LIST of a
 * 150,000-pod cluster alone takes seconds.
 */
const COLD_WAIT_MS = 300;

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

/**
 * Pod totals from the identity's pods informer (one LIST, then a WATCH): its totals once synced; the first list
 * is waited for up to `coldWaitMs` (undefined: still loading); a failed first list is answered for a refresh
 * period before the next attempt.
 */
async function podTotals(
  fleet: Fleet,
  c: ListCaches,
  maxAgeMs: number,
  coldWaitMs: number,
): Promise<Settled<Map<string, PodTotals>> | undefined> {
  const ready = fleet.pods.totals();
  if (ready) return { ok: true, value: ready, at: fleet.pods.syncedAt };
  if (c.podsFailure && Date.now() - c.podsFailure.at < maxAgeMs) return c.podsFailure;
  const loading = settle(() => fleet.pods.ready()).then((s): Settled<Map<string, PodTotals>> => {
    if (!s.ok) return (c.podsFailure = s);
    c.podsFailure = undefined;
    return { ok: true, value: fleet.pods.totals() ?? new Map(), at: s.at };
  });
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
 * from one LIST per refresh period and pod requests/limits/counts from the identity's pods watch, kept as
 * per-node totals (lib/fleet/pod-informer.ts). However many tabs poll, the apiserver sees one of each per period. Only a nodes
 * failure fails the response: metrics or pods failing (metrics-server missing, pods forbidden…) marks that part
 * unavailable and leaves its columns null. `coldWaitMs`: how long a first (uncached) metrics or pods load may hold
 * the answer.
 */
export async function getFleetNodeList(
  kube: Kube,
  { coldWaitMs = COLD_WAIT_MS }: { coldWaitMs?: number } = {},
): Promise<NodeListResponse> {
  const fleet = getFleet(kube);
  const c = listCaches(fleet);
  const maxAge = fleet.settings.refreshMs;
  const [, metrics, pods] = await Promise.all([
    fleet.nodes.ready(),
    swr(c.metrics, () => settle(() => observeApiCall('metrics.list', () => listNodeMetrics(kube))), maxAge, coldWaitMs),
    podTotals(fleet, c, maxAge, coldWaitMs),
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

/**
 * How long the server-rendered first screen of `/nodes` waits for the node watch. The page has no loading boundary
 * of its own (app/nodes/(list)/page.tsx: the rows come in the document's first paint), so this bounds how long a
 * navigation to /nodes can hang on a slow or unreachable API server: past it the page renders without rows and the
 * browser's GET /api/nodes brings them, or its error with the reason.
 */
const FIRST_SCREEN_WAIT_MS = 1_000;

/**
 * The node list for the server-rendered first screen of `/nodes` (context `ctx` of this request): waits for the
 * node watch only, and at most FIRST_SCREEN_WAIT_MS (undefined past it, or on failure); metrics and pod totals are
 * used if cached, else marked loading (the browser's fetch brings them). `readAt`: when it was read, for the
 * page's "updated N s ago".
 */
export async function getFirstScreenNodeList(
  ctx: string,
): Promise<{ list: NodeListResponse; readAt: number } | undefined> {
  return firstScreenNodeList(await getRequestKube(ctx), FIRST_SCREEN_WAIT_MS);
}

/** @internal exported for its unit test: getFirstScreenNodeList with the identity and the wait given */
export async function firstScreenNodeList(
  kube: Kube,
  waitMs: number,
): Promise<{ list: NodeListResponse; readAt: number } | undefined> {
  const stop = new AbortController();
  // resolves undefined after waitMs, or at once when aborted (below, once the race is decided)
  const late = sleep(waitMs, undefined, { signal: stop.signal }).catch(() => undefined);
  const read = getFleetNodeList(kube, { coldWaitMs: 0 }).then(
    (list) => ({ list, readAt: Date.now() }),
    () => undefined,
  );
  try {
    return await Promise.race([read, late]);
  } finally {
    stop.abort();
  }
}

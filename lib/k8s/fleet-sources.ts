import 'server-only';
import { Watch } from '@kubernetes/client-node';
import type { NodeDetail } from '@/lib/api/node-detail';
import { totalsByNode, type PodTotals } from '@/lib/domain/node-row';
import { addQuantities } from '@/lib/domain/quantity';
import { kubeConfigOf, type Kube } from './client';
import { MalformedResponseError, toKubeError } from './errors';
import { forEachPage } from './list';
import { reshapeNode } from './nodes';
import { reshapePod } from './pods';
import { WireNodeSchema, WirePodSchema, type WireNode } from './schemas';
import { observeApiCall } from '@/lib/observability/prometheus';

/**
 * The list-then-watch sources behind lib/fleet's shared node cache (an informer, as client-go's reflector does
 * it): one paginated LIST for the resourceVersion, then a WATCH from it. Nodes carry their bootID beside the
 * NodeDetail so the fleet can tell a reboot (configz may have changed) from a heartbeat.
 */
export interface WatchedNode {
  node: NodeDetail;
  /** status.nodeInfo.bootID; '' when the kubelet does not report one */
  bootID: string;
  resourceVersion: string;
}

const toWatched = (w: WireNode): WatchedNode => ({
  node: reshapeNode(w),
  bootID: w.status?.nodeInfo?.bootID ?? '',
  resourceVersion: w.metadata.resourceVersion ?? '',
});

/** Every node, page by page, and the list's resourceVersion to watch from. */
export async function listNodesForWatch(
  kube: Kube,
  signal?: AbortSignal,
): Promise<{ items: WatchedNode[]; resourceVersion: string }> {
  const items: WatchedNode[] = [];
  const { resourceVersion } = await forEachPage(
    kube,
    '/api/v1/nodes',
    WireNodeSchema,
    { kind: 'api', verb: 'list', resource: 'nodes' },
    { signal },
    (page) => {
      for (const w of page) items.push(toWatched(w));
    },
  );
  return { items, resourceVersion: resourceVersion ?? '' };
}

export type WatchedNodeEvent =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; item: WatchedNode }
  /** progress marker (allowWatchBookmarks): only the resourceVersion to resume from */
  | { type: 'BOOKMARK'; resourceVersion: string }
  /** the apiserver ended the watch with a Status; 410 Gone means the resourceVersion is too old: relist */
  | { type: 'ERROR'; code: number; message: string };

const BookmarkSchema = WireNodeSchema.pick({ metadata: true }).partial();

/**
 * Watches nodes from `resourceVersion` with bookmarks, so a resumed watch rarely hits 410. `onDone` runs once,
 * when the server closes the watch (normal after its timeout: resume from the last resourceVersion) or it
 * fails. Returns a stop function.
 */
export async function watchNodesSince(
  kube: Kube,
  opts: { resourceVersion: string; onEvent: (e: WatchedNodeEvent) => void; onDone: (err?: unknown) => void },
): Promise<() => void> {
  const target = { kind: 'api', verb: 'watch', resource: 'nodes' } as const;
  const handle: { controller?: AbortController } = {};
  let stopped = false;
  const finish = (err?: unknown) => {
    if (stopped) return;
    stopped = true;
    handle.controller?.abort();
    opts.onDone(err === undefined || err === null ? undefined : toKubeError(err, target, kube.server));
  };
  // counted when the watch is established (its events are not requests)
  const controller = await observeApiCall('nodes.watch', () =>
    new Watch(kubeConfigOf(kube)).watch(
      '/api/v1/nodes',
      { allowWatchBookmarks: true, resourceVersion: opts.resourceVersion },
      (type, obj: unknown) => {
        if (stopped) return;
        if (type === 'ERROR') {
          const status = obj as { code?: unknown; message?: unknown } | null;
          opts.onEvent({
            type: 'ERROR',
            code: typeof status?.code === 'number' ? status.code : 500,
            message: typeof status?.message === 'string' ? status.message : 'watch error',
          });
          return;
        }
        if (type === 'BOOKMARK') {
          const rv = BookmarkSchema.safeParse(obj).data?.metadata?.resourceVersion;
          if (rv) opts.onEvent({ type: 'BOOKMARK', resourceVersion: rv });
          return;
        }
        if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED') return;
        const parsed = WireNodeSchema.safeParse(obj);
        if (!parsed.success) {
          finish(new MalformedResponseError('watch nodes', parsed.error.issues[0]?.message ?? 'invalid node'));
          return;
        }
        opts.onEvent({ type, item: toWatched(parsed.data) });
      },
      (err: unknown) => finish(err),
    ),
  );
  handle.controller = controller;
  if (stopped) controller.abort();
  return () => {
    stopped = true;
    controller.abort();
  };
}

/** Succeeded and Failed pods hold no resources (as in pods.ts). */
const NON_TERMINATED = 'status.phase!=Succeeded,status.phase!=Failed';

function mergeTotals(into: Map<string, PodTotals>, page: Map<string, PodTotals>): void {
  for (const [node, t] of page) {
    const prev = into.get(node);
    if (!prev) {
      into.set(node, t);
      continue;
    }
    for (const key of ['requests', 'limits'] as const) {
      for (const [name, q] of Object.entries(t[key])) {
        const p = prev[key][name];
        prev[key][name] = p ? addQuantities(p, q) : q;
      }
    }
    prev.count += t.count;
  }
}

/**
 * Requests, limits and pod count per node over every non-terminated pod, summed page by page: the fleet keeps
 * these aggregates, never the 150,000 pods of a 5,000-node cluster.
 */
export async function podTotalsByNode(kube: Kube, signal?: AbortSignal): Promise<Map<string, PodTotals>> {
  const totals = new Map<string, PodTotals>();
  await forEachPage(
    kube,
    '/api/v1/pods',
    WirePodSchema,
    { kind: 'api', verb: 'list', resource: 'pods' },
    { fieldSelector: NON_TERMINATED, signal },
    (page) => {
      mergeTotals(totals, totalsByNode(page.map(reshapePod)));
    },
  );
  return totals;
}

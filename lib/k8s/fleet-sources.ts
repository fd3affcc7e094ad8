import 'server-only';
import { Watch } from '@kubernetes/client-node';
import type { NodeDetail } from '@/lib/api/node-detail';
import type { ResourceAmounts } from '@/lib/domain/node-row';
import { z } from 'zod';
import { kubeConfigOf, type Kube } from './client';
import { MalformedResponseError, toKubeError } from './errors';
import { forEachPage } from './list';
import { reshapeNode } from './nodes';
import { reshapePod } from './pods';
import { WireNodeSchema, WirePodSchema, type WireNode, type WirePod } from './schemas';
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

/** One event of a watch, its object already reduced by the caller's `map`. */
export type WatchEventOf<T> =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; item: T }
  /** progress marker (allowWatchBookmarks): only the resourceVersion to resume from */
  | { type: 'BOOKMARK'; resourceVersion: string }
  /** the apiserver ended the watch with a Status; 410 Gone means the resourceVersion is too old: relist */
  | { type: 'ERROR'; code: number; message: string };

/** @internal the tests name node watch events by it */
export type WatchedNodeEvent = WatchEventOf<WatchedNode>;

const BookmarkSchema = z.object({
  metadata: z.object({ resourceVersion: z.string().optional() }).optional(),
});

interface WatchOptions<T> {
  resourceVersion: string;
  onEvent: (e: WatchEventOf<T>) => void;
  onDone: (err?: unknown) => void;
}

/**
 * Watches `path` from `resourceVersion` with bookmarks, so a resumed watch rarely hits 410; each object is
 * validated with `schema` and reduced by `map` before the caller sees it (the wire object is dropped at once).
 * `onDone` runs once, when the server closes the watch (normal after its timeout: resume from the last
 * resourceVersion) or it fails. Returns a stop function.
 */
async function watchSince<S extends z.ZodType, T>(
  kube: Kube,
  resource: 'nodes' | 'pods',
  schema: S,
  map: (wire: z.infer<S>) => T,
  opts: WatchOptions<T>,
): Promise<() => void> {
  const target = { kind: 'api', verb: 'watch', resource } as const;
  const handle: { controller?: AbortController } = {};
  let stopped = false;
  const finish = (err?: unknown) => {
    if (stopped) return;
    stopped = true;
    handle.controller?.abort();
    opts.onDone(err === undefined || err === null ? undefined : toKubeError(err, target, kube.server));
  };
  // counted when the watch is established (its events are not requests)
  const controller = await observeApiCall(`${resource}.watch`, () =>
    new Watch(kubeConfigOf(kube)).watch(
      `/api/v1/${resource}`,
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
        const parsed = schema.safeParse(obj);
        if (!parsed.success) {
          finish(
            new MalformedResponseError(`watch ${resource}`, parsed.error.issues[0]?.message ?? `invalid ${resource}`),
          );
          return;
        }
        opts.onEvent({ type, item: map(parsed.data) });
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

/** Watches nodes from `resourceVersion` (see watchSince). */
export const watchNodesSince = (kube: Kube, opts: WatchOptions<WatchedNode>): Promise<() => void> =>
  watchSince(kube, 'nodes', WireNodeSchema, toWatched, opts);

/**
 * What one pod adds to its node's totals, reduced from the wire object as it arrives (the object itself is
 * dropped): `node` is null for a pod that holds nothing (not scheduled yet, or Succeeded/Failed, which
 * `kubectl describe node` leaves out too).
 */
export interface PodShare {
  /**
   * metadata.uid (the apiserver sets it on every pod; `namespace/name` if a server does not): a flat string
   * already parsed from the wire, where a joined `namespace/name` kept per pod cost ~100 bytes each (issue 20)
   */
  key: string;
  resourceVersion: string;
  node: string | null;
  requests: ResourceAmounts;
  limits: ResourceAmounts;
}

const TERMINATED = new Set(['Succeeded', 'Failed']);

function toShare(w: WirePod): PodShare {
  const pod = reshapePod(w);
  return {
    key: w.metadata.uid || `${pod.namespace}/${pod.name}`,
    resourceVersion: w.metadata.resourceVersion ?? '',
    node: pod.nodeName && !TERMINATED.has(pod.phase) ? pod.nodeName : null,
    requests: pod.requests,
    limits: pod.limits,
  };
}

/**
 * Every pod reduced to its share, page by page (KD_LIST_PAGE_SIZE with `continue`), each share handed to
 * `onShare` as its page arrives (none kept here: 150,000 shares held until the list ended were the largest
 * allocation of the server's start, BENCHMARKS.md), and the list's resourceVersion to watch from. No field
 * selector: a watch with `status.phase!=Succeeded` would need the apiserver to turn "stopped matching" into
 * DELETED, and terminated pods are cheap to skip here.
 */
export async function listPodSharesForWatch(
  kube: Kube,
  onShare: (share: PodShare) => void,
  signal?: AbortSignal,
): Promise<{ resourceVersion: string }> {
  const { resourceVersion } = await forEachPage(
    kube,
    '/api/v1/pods',
    WirePodSchema,
    { kind: 'api', verb: 'list', resource: 'pods' },
    { signal },
    (page) => {
      for (const w of page) onShare(toShare(w));
    },
  );
  return { resourceVersion: resourceVersion ?? '' };
}

/** Watches every pod from `resourceVersion`, each event reduced to the pod's share (see watchSince). */
export const watchPodSharesSince = (kube: Kube, opts: WatchOptions<PodShare>): Promise<() => void> =>
  watchSince(kube, 'pods', WirePodSchema, toShare, opts);

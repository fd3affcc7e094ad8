import 'server-only';
import { Watch } from '@kubernetes/client-node';
import type { NodeDetail } from '@/lib/api/node-detail';
import { NodeNameSchema } from '@/lib/api/names';
import { activePressures, internalIP, nodeRoles, readyStatus } from '@/lib/domain/node-status';
import { env } from '@/lib/env';
import type { Kube } from './client';
import { MalformedResponseError, toKubeError } from './errors';
import { listAll } from './list';
import { WireNodeSchema, type WireNode } from './schemas';
import { getJson } from './transport';

/** Wire Node → NodeDetail. Everything downstream sees only this shape. */
export function reshapeNode(n: WireNode): NodeDetail {
  const conditions = n.status?.conditions ?? [];
  const info = n.status?.nodeInfo;
  return {
    name: n.metadata.name,
    uid: n.metadata.uid ?? '',
    createdAt: n.metadata.creationTimestamp ?? '',
    labels: n.metadata.labels ?? {},
    annotations: n.metadata.annotations ?? {},
    ready: readyStatus(conditions),
    roles: nodeRoles(n.metadata.labels),
    pressures: activePressures(conditions),
    conditions: conditions.map((c) => ({
      type: c.type,
      status: c.status,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
      ...(c.lastHeartbeatTime ? { lastHeartbeatTime: c.lastHeartbeatTime } : {}),
      ...(c.lastTransitionTime ? { lastTransitionTime: c.lastTransitionTime } : {}),
    })),
    addresses: n.status?.addresses ?? [],
    ...(internalIP(n.status?.addresses) ? { internalIP: internalIP(n.status?.addresses) } : {}),
    unschedulable: n.spec?.unschedulable ?? false,
    taints: (n.spec?.taints ?? []).map((t) => ({ key: t.key, effect: t.effect, ...(t.value ? { value: t.value } : {}) })),
    podCIDRs: n.spec?.podCIDRs ?? [],
    ...(n.spec?.providerID ? { providerID: n.spec.providerID } : {}),
    capacity: n.status?.capacity ?? {},
    allocatable: n.status?.allocatable ?? {},
    nodeInfo: {
      kubeletVersion: info?.kubeletVersion ?? '',
      osImage: info?.osImage ?? '',
      kernelVersion: info?.kernelVersion ?? '',
      architecture: info?.architecture ?? '',
      containerRuntime: info?.containerRuntimeVersion ?? '',
      operatingSystem: info?.operatingSystem ?? '',
    },
    ...(n.status?.daemonEndpoints?.kubeletEndpoint ? { kubeletPort: n.status.daemonEndpoints.kubeletEndpoint.Port } : {}),
  };
}

const apiOpts = () => ({ timeoutMs: env().KD_API_TIMEOUT_MS, maxBytes: env().KD_MAX_API_BODY_BYTES });

/** All nodes, fetched in pages of KD_LIST_PAGE_SIZE (limit/continue), reshaped. */
export async function listNodes(kube: Kube, opts: { labelSelector?: string; signal?: AbortSignal } = {}): Promise<NodeDetail[]> {
  const items = await listAll(kube, '/api/v1/nodes', WireNodeSchema, { kind: 'api', verb: 'list', resource: 'nodes' }, {
    labelSelector: opts.labelSelector,
    signal: opts.signal,
  });
  return items.map(reshapeNode);
}

/** One node by name; 404 NotFound when it does not exist. The name is validated before any request. */
export async function getNode(kube: Kube, name: string, signal?: AbortSignal): Promise<NodeDetail> {
  const valid = NodeNameSchema.parse(name);
  const wire = await getJson(kube, `/api/v1/nodes/${encodeURIComponent(valid)}`, WireNodeSchema,
    { kind: 'api', verb: 'get', resource: 'nodes', name: valid }, { ...apiOpts(), signal });
  return reshapeNode(wire);
}

export type NodeEvent =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; node: NodeDetail }
  /** the apiserver ended the watch with a Status (e.g. 410 Gone: resourceVersion too old — relist) */
  | { type: 'ERROR'; code: number; message: string };

/**
 * Watches nodes from `resourceVersion` (take it from a list to miss nothing) with client-node's Watch.
 * Objects are validated and reshaped like listed ones; an object that fails validation ends the watch with
 * MalformedResponse rather than being passed on. Returns a function that stops the watch.
 */
export async function watchNodes(
  kube: Kube,
  opts: { resourceVersion?: string; onEvent: (e: NodeEvent) => void; onDone: (err?: unknown) => void },
): Promise<() => void> {
  const target = { kind: 'api', verb: 'watch', resource: 'nodes' } as const;
  // The done callback may run before watch() resolves, so the controller is reached through a holder.
  const handle: { controller?: AbortController } = {};
  let stopped = false;
  const finish = (err?: unknown) => {
    if (stopped) return;
    stopped = true;
    handle.controller?.abort();
    opts.onDone(err === undefined || err === null ? undefined : toKubeError(err, target, kube.server));
  };
  const controller = await new Watch(kube.config).watch(
    '/api/v1/nodes',
    { allowWatchBookmarks: false, resourceVersion: opts.resourceVersion },
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
      if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED') return;
      const parsed = WireNodeSchema.safeParse(obj);
      if (!parsed.success) {
        finish(new MalformedResponseError('watch nodes', parsed.error.issues[0]?.message ?? 'invalid node'));
        return;
      }
      opts.onEvent({ type, node: reshapeNode(parsed.data) });
    },
    (err: unknown) => finish(err),
  );
  handle.controller = controller;
  if (stopped) controller.abort();
  return () => finish();
}

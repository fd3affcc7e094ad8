import 'server-only';
import { z } from 'zod';
import type { NodeDetail } from '@/lib/api/node-detail';
import { NodeNameSchema } from '@/lib/api/names';
import { activePressures, internalIP, nodeRoles, readyStatus } from '@/lib/domain/node-status';
import type { Kube } from './client';
import type { Target } from './errors';
import { listAll } from './list';
import { listOf, WireNodeSchema, type WireNode } from './schemas';
import { StringPool } from './string-pool';
import { apiRequestOptions, getJson, withQuery } from './transport';

/**
 * Strings of the nodes the informer keeps for the server's lifetime: reasons, messages, heartbeat seconds,
 * versions and label values repeat across thousands of nodes (string-pool.ts).
 */
const shared = new StringPool();
const s = (v: string) => shared.intern(v);

/** Wire Node → NodeDetail. Everything downstream sees only this shape. */
export function reshapeNode(n: WireNode): NodeDetail {
  const conditions = n.status?.conditions ?? [];
  const info = n.status?.nodeInfo;
  return {
    name: n.metadata.name,
    uid: n.metadata.uid ?? '',
    createdAt: s(n.metadata.creationTimestamp ?? ''),
    labels: shared.internValues(n.metadata.labels ?? {}),
    annotations: shared.internValues(n.metadata.annotations ?? {}),
    ready: readyStatus(conditions),
    roles: nodeRoles(n.metadata.labels),
    pressures: activePressures(conditions),
    conditions: conditions.map((c) => ({
      type: s(c.type),
      status: s(c.status),
      ...(c.reason ? { reason: s(c.reason) } : {}),
      ...(c.message ? { message: s(c.message) } : {}),
      ...(c.lastHeartbeatTime ? { lastHeartbeatTime: s(c.lastHeartbeatTime) } : {}),
      ...(c.lastTransitionTime ? { lastTransitionTime: s(c.lastTransitionTime) } : {}),
    })),
    addresses: n.status?.addresses ?? [],
    ...(internalIP(n.status?.addresses) ? { internalIP: internalIP(n.status?.addresses) } : {}),
    unschedulable: n.spec?.unschedulable ?? false,
    taints: (n.spec?.taints ?? []).map((t) => ({
      key: s(t.key),
      effect: s(t.effect),
      ...(t.value ? { value: s(t.value) } : {}),
    })),
    podCIDRs: n.spec?.podCIDRs ?? [],
    ...(n.spec?.providerID ? { providerID: n.spec.providerID } : {}),
    capacity: n.status?.capacity ?? {},
    allocatable: n.status?.allocatable ?? {},
    nodeInfo: {
      kubeletVersion: s(info?.kubeletVersion ?? ''),
      osImage: s(info?.osImage ?? ''),
      kernelVersion: s(info?.kernelVersion ?? ''),
      architecture: s(info?.architecture ?? ''),
      containerRuntime: s(info?.containerRuntimeVersion ?? ''),
      operatingSystem: s(info?.operatingSystem ?? ''),
    },
    ...(n.status?.daemonEndpoints?.kubeletEndpoint
      ? { kubeletPort: n.status.daemonEndpoints.kubeletEndpoint.Port }
      : {}),
  };
}

/** All nodes, fetched in pages of KD_LIST_PAGE_SIZE (limit/continue), reshaped. */
export async function listNodes(
  kube: Kube,
  opts: { labelSelector?: string; signal?: AbortSignal } = {},
): Promise<NodeDetail[]> {
  const items = await listAll(
    kube,
    '/api/v1/nodes',
    WireNodeSchema,
    { kind: 'api', verb: 'list', resource: 'nodes' },
    {
      labelSelector: opts.labelSelector,
      signal: opts.signal,
    },
  );
  return items.map(reshapeNode);
}

/** One node by name; 404 NotFound when it does not exist. The name is validated before any request. */
export async function getNode(kube: Kube, name: string, signal?: AbortSignal): Promise<NodeDetail> {
  const valid = NodeNameSchema.parse(name);
  const wire = await getJson(
    kube,
    `/api/v1/nodes/${encodeURIComponent(valid)}`,
    WireNodeSchema,
    { kind: 'api', verb: 'get', resource: 'nodes', name: valid },
    apiRequestOptions(signal),
  );
  return reshapeNode(wire);
}

const NodeAddressesWireSchema = z.object({
  metadata: z.object({ name: z.string(), creationTimestamp: z.string().optional() }),
  status: z.object({ addresses: z.array(z.object({ type: z.string(), address: z.string() })).nullish() }).nullish(),
});
const nodesTarget: Target = { kind: 'api', verb: 'list', resource: 'nodes' };

/**
 * Every node's name, addresses and creation time only (what the CSR checks compare SANs with, and whether a
 * bootstrap CSR names a node registered before it), without reshaping whole Nodes.
 */
export async function listNodeAddresses(
  kube: Kube,
): Promise<{ name: string; addresses: { type: string; address: string }[]; createdAt?: string }[]> {
  const items = await listAll(kube, '/api/v1/nodes', NodeAddressesWireSchema, nodesTarget, {});
  return items.map((n) => ({
    name: n.metadata.name,
    addresses: n.status?.addresses ?? [],
    ...(n.metadata.creationTimestamp ? { createdAt: n.metadata.creationTimestamp } : {}),
  }));
}

/**
 * Number of Nodes without listing them: a one-item page carries `metadata.remainingItemCount` (API concepts,
 * "Retrieving large results sets in chunks"); falls back to a full list when the server omits it.
 */
export async function countNodesInCluster(kube: Kube): Promise<number> {
  const page = await getJson(
    kube,
    withQuery('/api/v1/nodes', { limit: 1 }),
    listOf(z.unknown()),
    nodesTarget,
    apiRequestOptions(),
  );
  const remaining = page.metadata?.remainingItemCount;
  if (remaining !== undefined) return page.items.length + remaining;
  return (await listAll(kube, '/api/v1/nodes', NodeAddressesWireSchema, nodesTarget, {})).length;
}

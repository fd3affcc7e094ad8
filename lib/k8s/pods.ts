import 'server-only';
import type { NodePod } from '@/lib/api/node-detail';
import { NodeNameSchema } from '@/lib/api/names';
import { podRequestsAndLimits, type PodResources, type ResourceAmounts } from '@/lib/domain/node-row';
import { formatQuantity } from '@/lib/domain/quantity';
import type { Kube } from './client';
import { listAll } from './list';
import { WirePodSchema, type WirePod } from './schemas';

/** Succeeded and Failed pods hold no resources; kubectl describe node leaves them out the same way. */
const NON_TERMINATED = 'status.phase!=Succeeded,status.phase!=Failed';

/** Wire Pod → the per-pod facts the node views need (requests/limits summed like kubectl). */
export function reshapePod(p: WirePod): PodResources {
  const { requests, limits } = podRequestsAndLimits({
    containers: p.spec.containers.map((c) => ({ ...c.resources })),
    initContainers: p.spec.initContainers?.map((c) => ({
      ...c.resources,
      ...(c.restartPolicy ? { restartPolicy: c.restartPolicy } : {}),
    })),
    ...(p.spec.overhead ? { overhead: p.spec.overhead } : {}),
    ...(p.spec.resources ? { resources: p.spec.resources } : {}),
  });
  return {
    namespace: p.metadata.namespace,
    name: p.metadata.name,
    nodeName: p.spec.nodeName || null,
    phase: p.status?.phase ?? 'Unknown',
    ...(p.status?.qosClass ? { qosClass: p.status.qosClass } : {}),
    ...(p.spec.priority !== undefined ? { priority: p.spec.priority } : {}),
    ...(p.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { mirror: true } : {}),
    requests,
    limits,
  };
}

const toStrings = (amounts: ResourceAmounts) =>
  Object.fromEntries(
    Object.entries(amounts).map(([name, q]) => [name, formatQuantity(q, name === 'cpu' ? 'decimal' : 'binary')]),
  );

/** PodResources → wire row (exact quantities as canonical strings). */
export function toNodePod(p: PodResources): NodePod {
  return {
    namespace: p.namespace,
    name: p.name,
    phase: p.phase,
    ...(p.qosClass ? { qosClass: p.qosClass } : {}),
    ...(p.priority !== undefined ? { priority: p.priority } : {}),
    ...(p.mirror ? { mirror: true } : {}),
    requests: toStrings(p.requests),
    limits: toStrings(p.limits),
  };
}

/** Non-terminated pods bound to one node (fieldSelector spec.nodeName), as `kubectl describe node` lists them. */
export async function listPodsOnNode(kube: Kube, name: string, signal?: AbortSignal): Promise<PodResources[]> {
  const valid = NodeNameSchema.parse(name);
  const items = await listAll(
    kube,
    '/api/v1/pods',
    WirePodSchema,
    { kind: 'api', verb: 'list', resource: 'pods' },
    {
      fieldSelector: `spec.nodeName=${valid},${NON_TERMINATED}`,
      signal,
    },
  );
  return items.map(reshapePod);
}

import 'server-only';
import type { NodeListResponse } from '@/lib/api/nodes';
import type { PartAvailability } from '@/lib/api/partial';
import { buildNodeRows } from '@/lib/domain/node-row';
import { toStatus } from '@/lib/errors';
import { log } from '@/lib/observability/log';
import type { Kube } from './client';
import { listNodeMetrics } from './node-metrics';
import { listNodes } from './nodes';
import { listAllActivePods } from './pods';

function unavailable(err: unknown): PartAvailability {
  const s = toStatus(err);
  if (s.code >= 500 && s.reason === 'InternalError') log.error({ err }, 'node list part failed'); // a bug, not a cluster condition
  return { available: false, reason: s.reason, code: s.code, message: s.message, ...(s.hint ? { hint: s.hint } : {}) };
}

/**
 * The node table: nodes, node metrics and one cluster-wide pod list, fetched concurrently. Only a nodes failure
 * fails the response; metrics or pods failing (metrics-server missing, pods forbidden…) marks that part
 * unavailable and leaves its columns null.
 */
export async function getNodeList(kube: Kube, signal?: AbortSignal): Promise<NodeListResponse> {
  const [nodes, metrics, pods] = await Promise.allSettled([
    listNodes(kube, { signal }),
    listNodeMetrics(kube, signal),
    listAllActivePods(kube, signal),
  ]);
  if (nodes.status === 'rejected') throw nodes.reason;
  return {
    items: buildNodeRows(
      nodes.value,
      metrics.status === 'fulfilled' ? metrics.value : null,
      pods.status === 'fulfilled' ? pods.value : null,
    ),
    metrics: metrics.status === 'fulfilled' ? { available: true } : unavailable(metrics.reason),
    pods: pods.status === 'fulfilled' ? { available: true } : unavailable(pods.reason),
    context: kube.context,
    fetchedAt: new Date().toISOString(),
  };
}

import 'server-only';
import type { NodeMetrics } from '@/lib/api/node-detail';
import { NodeNameSchema } from '@/lib/api/names';
import { toMillis, toUnits, tryParseQuantity } from '@/lib/domain/quantity';
import type { Kube } from './client';
import { MalformedResponseError } from './errors';
import { listOf, WireNodeMetricsSchema, type WireNodeMetrics } from './schemas';
import { apiRequestOptions, getJson } from './transport';

const BASE = '/apis/metrics.k8s.io/v1beta1/nodes';

/** NodeMetrics → our sample: cpu in millicores and memory in bytes, rounded up like resource.Quantity does. */
function reshapeNodeMetrics(m: WireNodeMetrics): NodeMetrics {
  const cpu = tryParseQuantity(m.usage.cpu);
  const memory = tryParseQuantity(m.usage.memory);
  if (!cpu || !memory)
    throw new MalformedResponseError(`metrics for node "${m.metadata.name}"`, 'usage is not a quantity');
  return {
    name: m.metadata.name,
    timestamp: m.timestamp,
    window: m.window,
    cpuMillis: Number(toMillis(cpu)),
    memoryBytes: Number(toUnits(memory)),
  };
}

/**
 * Every node's usage from metrics.k8s.io/v1beta1 (metrics-server), in one request: metrics-server serves the
 * list from memory and does not paginate. A cluster without it answers 404 → MetricsUnavailable (503).
 */
export async function listNodeMetrics(kube: Kube, signal?: AbortSignal): Promise<NodeMetrics[]> {
  const body = await getJson(kube, BASE, listOf(WireNodeMetricsSchema), { kind: 'metrics' }, apiRequestOptions(signal));
  return body.items.map(reshapeNodeMetrics);
}

/** One node's usage; 404 NotFound when metrics-server has no sample for it yet. */
export async function getNodeMetrics(kube: Kube, name: string, signal?: AbortSignal): Promise<NodeMetrics> {
  const valid = NodeNameSchema.parse(name);
  const wire = await getJson(
    kube,
    `${BASE}/${encodeURIComponent(valid)}`,
    WireNodeMetricsSchema,
    { kind: 'metrics', node: valid },
    apiRequestOptions(signal),
  );
  return reshapeNodeMetrics(wire);
}

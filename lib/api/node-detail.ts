import { z } from 'zod';
import { PressureSchema, TaintSchema } from './nodes';

/**
 * Wire contracts of GET /api/nodes/[name], /api/nodes/[name]/metrics and /api/nodes/[name]/pods.
 * Browser-safe: zod only. Resource lists keep the apiserver's exact quantity strings ("3900m", "15Gi");
 * the UI parses them with lib/domain/quantity when it needs numbers.
 */
const ResourceListSchema = z.record(z.string(), z.string());

const NodeConditionSchema = z.object({
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastHeartbeatTime: z.string().optional(),
  lastTransitionTime: z.string().optional(),
});
export type NodeCondition = z.infer<typeof NodeConditionSchema>;

const NodeDetailSchema = z.object({
  name: z.string(),
  uid: z.string(),
  createdAt: z.string(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  ready: z.enum(['True', 'False', 'Unknown']),
  roles: z.array(z.string()),
  pressures: z.array(PressureSchema),
  /** every condition as the kubelet posted it, in the API's order (which carries no meaning) */
  conditions: z.array(NodeConditionSchema),
  addresses: z.array(z.object({ type: z.string(), address: z.string() })),
  internalIP: z.string().optional(),
  unschedulable: z.boolean(),
  taints: z.array(TaintSchema),
  podCIDRs: z.array(z.string()),
  providerID: z.string().optional(),
  capacity: ResourceListSchema,
  allocatable: ResourceListSchema,
  nodeInfo: z.object({
    kubeletVersion: z.string(),
    osImage: z.string(),
    kernelVersion: z.string(),
    architecture: z.string(),
    containerRuntime: z.string(),
    operatingSystem: z.string(),
  }),
  /** kubelet port the apiserver proxies to (status.daemonEndpoints.kubeletEndpoint.Port) */
  kubeletPort: z.number().optional(),
});
export type NodeDetail = z.infer<typeof NodeDetailSchema>;

/** Every node page part says when the server read it (lib/server/node-detail.ts); panels show "read 12 s ago". */
const readAt = { fetchedAt: z.string().optional() };

/** GET /api/nodes/[name]: the Node and when it was read. */
export const NodeReadSchema = NodeDetailSchema.extend(readAt);

/**
 * GET /api/nodes/[name]/metrics: one NodeMetrics sample (what `kubectl top node` shows). No page reads it (the
 * node list gets usage in its rows), so it is a type, not a schema: nothing in the browser validates it.
 */
export interface NodeMetrics {
  name: string;
  timestamp: string;
  /** metrics-server's sampling window, e.g. "20.05s" */
  window: string;
  cpuMillis: number;
  memoryBytes: number;
}

/** One non-terminated pod on a node, with requests/limits summed per resource as `kubectl describe node` does. */
const NodePodSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  phase: z.string(),
  qosClass: z.string().optional(),
  priority: z.number().optional(),
  /** a static pod's mirror (kubernetes.io/config.mirror): never evicted by the kubelet */
  mirror: z.boolean().optional(),
  requests: ResourceListSchema,
  limits: ResourceListSchema,
});
export type NodePod = z.infer<typeof NodePodSchema>;

const NodePodsResponseSchema = z.object({ node: z.string(), items: z.array(NodePodSchema) });
export type NodePodsResponse = z.infer<typeof NodePodsResponseSchema>;

/** GET /api/nodes/[name]/pods: the node's pods and when they were listed. */
export const PodsReadSchema = NodePodsResponseSchema.extend(readAt);

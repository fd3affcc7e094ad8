import * as z from '@/lib/zod-mini';
import { StaleFields } from './freshness';
import { PartAvailabilitySchema } from './partial';
import { PRESSURE_CONDITIONS } from '@/lib/domain/signal-conditions';

/**
 * Wire contract of GET /api/nodes (route handler → browser). Browser-safe: zod/mini only (small bundle).
 * Quantities are plain numbers in base units (millicores, bytes): 2^53 bytes is 8 PiB, plenty per node.
 */
export const PressureSchema = z.enum(PRESSURE_CONDITIONS);

export const TaintSchema = z.object({
  key: z.string(),
  value: z.optional(z.string()),
  effect: z.string(),
});

const CpuMemorySchema = z.object({ cpuMillis: z.number(), memoryBytes: z.number() });

const NodeRowSchema = z.object({
  name: z.string(),
  /** status of the Ready condition; Unknown when the kubelet stopped posting */
  ready: z.enum(['True', 'False', 'Unknown']),
  /** from node-role.kubernetes.io/<role> labels (and kubernetes.io/role); empty = <none> */
  roles: z.array(z.string()),
  kubeletVersion: z.string(),
  osImage: z.string(),
  kernelVersion: z.string(),
  architecture: z.string(),
  containerRuntime: z.string(),
  internalIP: z.optional(z.string()),
  createdAt: z.string(),
  unschedulable: z.boolean(),
  taints: z.array(TaintSchema),
  /** pressure conditions whose status is True */
  pressures: z.array(PressureSchema),
  capacity: z.extend(CpuMemorySchema, { pods: z.number() }),
  allocatable: z.extend(CpuMemorySchema, { pods: z.number() }),
  /** NodeMetrics usage (what `kubectl top node` shows); null when metrics are unavailable for this node */
  usage: z.nullable(CpuMemorySchema),
  /** sums over non-terminated pods on the node (as `kubectl describe node` computes them); null if pods unavailable */
  requests: z.nullable(CpuMemorySchema),
  limits: z.nullable(CpuMemorySchema),
  /** non-terminated pods bound to the node; null if pods unavailable */
  podCount: z.nullable(z.number()),
  labels: z.record(z.string(), z.string()),
});
export type NodeRow = z.infer<typeof NodeRowSchema>;

/**
 * @internal the browser decodes GET /api/nodes without a schema (nodes-wire.ts); server-side tests check the decoded
 * answer against this one, and the types below come from it
 */
export const NodeListResponseSchema = z.object({
  items: z.array(NodeRowSchema),
  metrics: PartAvailabilitySchema,
  pods: PartAvailabilitySchema,
  /** kubeconfig context the data came from */
  context: z.string(),
  /** ISO time of the last successful sync of the node watch with the API server (not the time of the answer) */
  fetchedAt: z.string(),
  /** while the node list/watch is failing: stale, since when, and the last error (the rows are the last good ones) */
  ...StaleFields,
});
export type NodeListResponse = z.infer<typeof NodeListResponseSchema>;

/**
 * What the server renders of `/nodes` before the browser has the whole list (issue 20 item 5): the first screenful
 * of rows of the view the URL asks for, and the fleet-wide figures the page header shows, computed over every node.
 * The browser replaces it with GET /api/nodes as soon as that arrives.
 */
export interface NodeFirstScreen extends Omit<NodeListResponse, 'items'> {
  /** the view (serializeViewState of the URL's) these rows are for; another view waits for the whole list */
  view: string;
  /** first rows of that view, sorted and filtered; null when the server cannot sort by the view's column */
  rows: NodeRow[] | null;
  /** why `rows` is null, in words for the page */
  rowsUnavailable?: string;
  /** nodes matching the view's filters */
  shown: number;
  counts: { total: number; notReady: number; underPressure: number; cordoned: number };
  facets: { roles: string[]; versions: string[] };
  /** ms epoch when the server built this (the page's "updated N s ago" until the browser's own fetch) */
  renderedAt: number;
}

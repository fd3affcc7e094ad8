import * as z from '@/lib/zod-mini';

/**
 * Wire contract of GET /api/fleet/stream?kind=stats|configz (server-sent events). Browser-safe: zod only.
 * Events: `hello` once (context, node count), `nodes` with a batch of per-node results as they resolve,
 * `sweep` when a sweep has every node resolved or failed. The stream stays open and repeats sweeps every
 * refresh period; results carry per-node aggregates only, never whole Summaries or configs. zod/mini: the node
 * list loads it (see lib/errors.ts).
 */
const FleetKindSchema = z.enum(['stats', 'configz']);
export type FleetKind = z.infer<typeof FleetKindSchema>;

export const FleetStreamQuerySchema = z.object({ kind: z._default(FleetKindSchema, 'stats') });

/** The hard eviction threshold closest to being met on a node, from stats/summary and the node's evictionHard. */
const HeadroomSchema = z.object({
  /** eviction signal, e.g. memory.available */
  signal: z.string(),
  /** (available − threshold) as % of the signal's capacity; negative = past the threshold */
  percent: z.number(),
  /** available < threshold: the kubelet is evicting (or about to) */
  met: z.boolean(),
});

const NodeStatsAggregateSchema = z.object({
  memoryAvailableBytes: z.nullable(z.number()),
  nodefsAvailableBytes: z.nullable(z.number()),
  nodefsCapacityBytes: z.nullable(z.number()),
  /** null when the summary reports none of the signals of any hard threshold */
  headroom: z.nullable(HeadroomSchema),
  /** hard thresholds the headroom was measured against; 0 = the kubelet has none and never evicts for pressure */
  hardThresholds: z.number(),
  /** where the thresholds came from: the node's configz, or the kubelet defaults until its configz is read */
  thresholds: z.enum(['configz', 'defaults']),
});
export type NodeStatsAggregate = z.infer<typeof NodeStatsAggregateSchema>;

const FleetNodeOkSchema = z.object({
  name: z.string(),
  state: z.literal('ok'),
  /** ISO time the kubelet answered */
  at: z.string(),
  stats: z.optional(NodeStatsAggregateSchema),
  /** configz: short content hash (nodes with equal hashes run identical configs) */
  configHash: z.optional(z.string()),
});

const FleetNodeErrorSchema = z.object({
  name: z.string(),
  state: z.literal('error'),
  at: z.string(),
  /** AppError reason: Timeout, KubeletUnreachable, Forbidden, MalformedResponse… */
  reason: z.string(),
  message: z.string(),
});

/** A node's answer (or failure) from a sweep. */
const FleetNodeOutcomeSchema = z.discriminatedUnion('state', [FleetNodeOkSchema, FleetNodeErrorSchema]);

const FleetNodeResultSchema = z.discriminatedUnion('state', [
  FleetNodeOkSchema,
  FleetNodeErrorSchema,
  // A straggler: its request has been on the wire past the straggler threshold and has not answered yet.
  // Replaced by ok or error when it answers or its deadline passes.
  z.object({
    name: z.string(),
    state: z.literal('pending'),
    /** ISO time the request went out */
    since: z.string(),
    /** the previous sweep's outcome, still shown while this one is slow */
    last: z.optional(FleetNodeOutcomeSchema),
  }),
]);
export type FleetNodeResult = z.infer<typeof FleetNodeResultSchema>;

export const FleetHelloSchema = z.object({ context: z.string(), kind: FleetKindSchema, total: z.number() });

export const FleetNodesEventSchema = z.array(FleetNodeResultSchema);

export const FleetSweepSchema = z.object({
  kind: FleetKindSchema,
  total: z.number(),
  ok: z.number(),
  errors: z.number(),
  durationMs: z.number(),
  finishedAt: z.string(),
});
export type FleetSweep = z.infer<typeof FleetSweepSchema>;

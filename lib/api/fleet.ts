import * as z from '@/lib/zod-mini';

/**
 * Wire contract of GET /api/fleet/stream?kind=stats|configz (server-sent events).
 * Events: `hello` once (context, node count), `nodes` with a batch of per-node results as they resolve,
 * `sweep` when a sweep has every node resolved or failed. The stream stays open and repeats sweeps every
 * refresh period; results carry per-node aggregates only, never whole Summaries or configs. The events are plain
 * types, shared by the server that sends them and the browser, which does not re-validate them (lib/queries/fleet-stream.ts);
 * only the query is parsed (zod, on the server).
 */
const FleetKindSchema = z.enum(['stats', 'configz']);
export type FleetKind = z.infer<typeof FleetKindSchema>;

export const FleetStreamQuerySchema = z.object({ kind: z._default(FleetKindSchema, 'stats') });

/** The hard eviction threshold closest to being met on a node, from stats/summary and the node's evictionHard. */
interface Headroom {
  /** eviction signal, e.g. memory.available */
  signal: string;
  /** (available − threshold) as % of the signal's capacity; negative = past the threshold */
  percent: number;
  /** available < threshold: the kubelet is evicting (or about to) */
  met: boolean;
}

export interface NodeStatsAggregate {
  memoryAvailableBytes: number | null;
  nodefsAvailableBytes: number | null;
  nodefsCapacityBytes: number | null;
  /** null when the summary reports none of the signals of any hard threshold */
  headroom: Headroom | null;
  /** hard thresholds the headroom was measured against; 0 = the kubelet has none and never evicts for pressure */
  hardThresholds: number;
  /** where the thresholds came from: the node's configz, or the kubelet defaults until its configz is read */
  thresholds: 'configz' | 'defaults';
}

interface FleetNodeOk {
  name: string;
  state: 'ok';
  /** ISO time the kubelet answered */
  at: string;
  stats?: NodeStatsAggregate;
  /** configz: short content hash (nodes with equal hashes run identical configs) */
  configHash?: string;
}

interface FleetNodeError {
  name: string;
  state: 'error';
  at: string;
  /** AppError reason: Timeout, KubeletUnreachable, Forbidden, MalformedResponse… */
  reason: string;
  message: string;
}

/**
 * A straggler: its request has been on the wire past the straggler threshold and has not answered yet. Replaced by
 * ok or error when it answers or its deadline passes.
 */
interface FleetNodePending {
  name: string;
  state: 'pending';
  /** ISO time the request went out */
  since: string;
  /** the previous sweep's outcome, still shown while this one is slow */
  last?: FleetNodeOk | FleetNodeError;
}

/** A node's answer, failure or slowness in a sweep: the items of a `nodes` event. */
export type FleetNodeResult = FleetNodeOk | FleetNodeError | FleetNodePending;

/** The `hello` event. */
export interface FleetHello {
  context: string;
  kind: FleetKind;
  total: number;
}

/** The `sweep` event. */
export interface FleetSweep {
  kind: FleetKind;
  total: number;
  ok: number;
  errors: number;
  durationMs: number;
  finishedAt: string;
}

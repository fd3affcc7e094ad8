import * as z from '@/lib/zod-mini';

/**
 * Wire contract of GET /api/nodes/[name]/history: the node's eviction signals as the dashboard's server kept
 * them (lib/fleet/signal-history.ts), oldest first. zod/mini: the node page loads it.
 */
export const NodeHistorySchema = z.object({
  node: z.string(),
  /** how far back the history reaches at most (KD_HISTORY_MINUTES) */
  windowMs: z.number(),
  /** the sweep's refresh period: the usual spacing of samples while the fleet is watched */
  refreshMs: z.number(),
  /**
   * how far back samples are kept as read; older ones (up to windowMs) are one per minute, each signal's lowest
   * available amount in that minute (equal to windowMs when every sample is kept as read)
   */
  fullResolutionMs: z.number(),
  samples: z.array(
    z.object({
      /** ms since the epoch, to the second */
      t: z.number(),
      /** available amount per eviction signal (bytes, inodes or PIDs); a signal missing from a read is absent */
      available: z.record(z.string(), z.number()),
    }),
  ),
  /** each signal's capacity at its latest sample */
  capacity: z.record(z.string(), z.number()),
});
export type NodeHistory = z.infer<typeof NodeHistorySchema>;

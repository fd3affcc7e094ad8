import * as z from '@/lib/zod-mini';
import { StatusSchema, type Status } from '@/lib/errors';

/**
 * Fields every answer built from a cache of cluster data adds next to its `fetchedAt` (the time of the last
 * successful sync with the API server): `stale` while the list/watch behind the cache is failing, when that
 * started, and the latest error as the app's Status. Browser-safe (zod/mini). Spread into a response schema:
 * `z.object({ …, ...StaleFields })`.
 */
export const StaleFields = {
  stale: z.optional(z.boolean()),
  staleSince: z.optional(z.string()),
  error: z.optional(StatusSchema),
};

/** `fetchedAt` and the StaleFields, as a response carries them. */
export interface Staleness {
  fetchedAt: string;
  stale?: boolean;
  staleSince?: string;
  error?: Status;
}

/** When the server read a node page part (configz, summary, pods, the Node): `fetchedAt`, ISO. */
export interface ReadAt {
  fetchedAt: string;
}

/**
 * `?fresh=1` on a node page part: the person pressed the panel's refresh, so the server bypasses its cache for
 * that part (within a small floor, lib/server/node-detail.ts FRESH_READ_FLOOR_MS).
 */
export const FreshQuerySchema = z.object({ fresh: z.optional(z.enum(['1'])) });

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

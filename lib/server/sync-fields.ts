import 'server-only';
import type { Staleness } from '@/lib/api/freshness';
import type { SyncState } from '@/lib/fleet/sync-state';

/**
 * `fetchedAt` (+ `stale`, `staleSince`, `error` while failing) of an answer built from a synced cache. Before
 * the first sync there is no cached data, so the caller has just read it: now is then the truth.
 */
export function syncFields(sync: SyncState): Staleness {
  const s = sync.snapshot();
  if (!s) return { fetchedAt: new Date().toISOString() };
  return s.stale ? s : { fetchedAt: s.fetchedAt };
}

import 'server-only';
import type { Staleness } from '@/lib/api/freshness';
import { SyncState } from '@/lib/fleet/sync-state';

interface Kept<V> {
  value: V;
  sync: SyncState;
}

/**
 * The last good answer of a read made per request (no watch keeps it), per kube identity: while the read
 * fails, the caller gets that answer back marked stale (its own `fetchedAt`, when the failing started, the
 * error) instead of an error page that hides everything it knew. Only the newest `maxEntries` identities are
 * kept, so memory is bounded however many users a shared server has. A read that fails with nothing kept
 * throws as before.
 */
export class LastGood<V> {
  private readonly kept = new Map<string, Kept<V>>();

  constructor(
    private readonly maxEntries = 32,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async read(identity: string, load: () => Promise<V>): Promise<{ value: V; staleness: Staleness }> {
    const prev = this.kept.get(identity);
    // The answer is as fresh as the moment it was asked for, not the moment it arrived: an answer the API server
    // gave just before an outage can reach us after it began, and must not claim a time inside the outage.
    const askedAt = this.now();
    try {
      const value = await load();
      const sync = prev?.sync ?? new SyncState(this.now);
      sync.synced(askedAt);
      this.kept.delete(identity); // re-insert: Map order is recency
      this.kept.set(identity, { value, sync });
      while (this.kept.size > this.maxEntries) this.kept.delete(this.kept.keys().next().value as string);
      return { value, staleness: { fetchedAt: new Date(askedAt).toISOString() } };
    } catch (err) {
      if (!prev) throw err;
      prev.sync.failed(err);
      const snap = prev.sync.snapshot();
      if (!snap) throw err;
      return { value: prev.value, staleness: snap };
    }
  }
}

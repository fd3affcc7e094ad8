import { AppError, toStatus, type Status } from '@/lib/errors';

/** What a response says about how current its cluster data is (lib/api/freshness.ts is its wire form). */
export interface SyncSnapshot {
  /** ISO time of the last successful sync with the API server (list done, watch event or bookmark received) */
  fetchedAt: string;
  /** true while the list/watch is failing: the data is the last good copy, as of `fetchedAt` */
  stale: boolean;
  /** ISO time the current failure started (only while stale) */
  staleSince?: string;
  /** the latest failure, as the app's error Status (only while stale) */
  error?: Status;
}

/**
 * Bookkeeping of one list/watch's health (client-go's reflector keeps the same facts: last sync resource
 * version, and the watch error handler's last error). Every successful contact with the API server moves
 * `fetchedAt` forward and ends a failure; a failure keeps `fetchedAt` where it was and remembers when the
 * failing started and the latest error, so an answer built from the cache says "stale since 10:41:07 —
 * <error>" instead of passing old data off as current. No I/O: the caller reports what happened and when.
 */
export class SyncState {
  private syncedAt: number | undefined;
  private failingSince: number | undefined;
  private lastError: Status | undefined;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** The API server answered (a list completed, a watch event or bookmark arrived, a watch opened). */
  synced(at: number = this.now()): void {
    this.syncedAt = Math.max(this.syncedAt ?? 0, at);
    this.failingSince = undefined;
    this.lastError = undefined;
  }

  /** A list or watch failed; the cached data stays, marked stale from the first failure on. */
  failed(err: unknown, at: number = this.now()): void {
    this.failingSince ??= at;
    this.lastError = safeStatus(err);
  }

  get stale(): boolean {
    return this.failingSince !== undefined;
  }

  /** Undefined until the first successful sync (there is no data to be stale yet). */
  snapshot(): SyncSnapshot | undefined {
    if (this.syncedAt === undefined) return undefined;
    const fetchedAt = new Date(this.syncedAt).toISOString();
    if (this.failingSince === undefined || !this.lastError) return { fetchedAt, stale: false };
    return {
      fetchedAt,
      stale: true,
      staleSince: new Date(this.failingSince).toISOString(),
      error: this.lastError,
    };
  }
}

/**
 * The error as a Status whose message may be shown: our own errors (lib/k8s/errors.ts words the API server's
 * answers and connection failures) keep theirs; anything else is summarised, never echoed (it may carry
 * internals), as toStatus does for route answers.
 */
function safeStatus(err: unknown): Status {
  if (err instanceof AppError) return toStatus(err);
  return toStatus(new AppError('ServiceUnavailable', 503, 'the API server could not be reached (no answer)'));
}

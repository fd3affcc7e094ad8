import 'server-only';
import { AppError } from '@/lib/errors';
import type { WatchEventOf } from '@/lib/k8s/fleet-sources';
import { log } from '@/lib/observability/log';
import { SyncState } from './sync-state';

/**
 * `T` is one watched item; `L` what one LIST yields, by default every item. A source whose list is large and
 * reduced on arrival (pods: 150,000 objects → per-node sums) lists into its own fresh state instead (`L`), so
 * the items are never all held at once and the current state stays whole until the new list has succeeded.
 */
export interface ReflectorSource<T, L = T[]> {
  /** what the logs and error messages call it ("pods", "node") */
  name: string;
  /** fields every log line of this reflector carries (the kube context) */
  logFields?: Record<string, string>;
  /** a watch that could not start, as the app's error (lib/k8s/errors.ts toKubeError), for the sync state */
  toError?: (err: unknown) => unknown;
  /** one paginated LIST: every item (or the state built from them), and the resourceVersion to watch from */
  list: () => Promise<{ items: L; resourceVersion: string }>;
  /** a WATCH from `resourceVersion`; `onDone` once when it ends (undefined: the server's timeout) */
  watch: (opts: {
    resourceVersion: string;
    onEvent: (e: WatchEventOf<T>) => void;
    onDone: (err?: unknown) => void;
  }) => Promise<() => void>;
  /** replaces the whole state with a fresh list */
  onList: (items: L) => void;
  /** applies one ADDED / MODIFIED / DELETED */
  onEvent: (type: 'ADDED' | 'MODIFIED' | 'DELETED', item: T) => void;
  /** the reflector stopped (idle, or told to): drop the state, the next read lists again */
  onStop?: () => void;
  /** the item's resourceVersion, to resume a watch after it */
  resourceVersionOf: (item: T) => string;
}

export interface ReflectorOptions {
  /** stop watching after this long without a reader */
  idleMs?: number;
  now?: () => number;
}

const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 30_000;
const QUICK_CLOSE_MS = 1000;

/**
 * client-go's reflector, in small (k8s.io/client-go/tools/cache/reflector.go): one LIST for a resourceVersion,
 * then a WATCH from it; resume from the last resourceVersion when the server closes the watch (its normal
 * timeout); relist at once on 410 Gone (the version left the apiserver's window) and with doubling backoff on
 * any other failure. Stops itself when nobody read it for `idleMs`, and starts again on the next read.
 * Its health is kept in `sync` (sync-state.ts): answers built from its state carry their fetchedAt and, while
 * the list or watch fails, stale + the error. Nodes (node-informer.ts) and pods (pod-informer.ts) both run on it.
 */
export class Reflector<T, L = T[]> {
  private synced: Promise<void> | undefined;
  private resourceVersion = '';
  private stopWatch: (() => void) | undefined;
  private retryMs = RETRY_MIN_MS;
  private lastRead = 0;
  private idleTimer: ReturnType<typeof setInterval> | undefined;
  private generation = 0;
  /** ms when the state was last known to match the server (list done, or a watch event or bookmark) */
  syncedAt = 0;
  /** the last list or watch failure, until the next successful list */
  lastError: string | undefined;
  /** health of the list/watch, for answers built from this state */
  readonly sync: SyncState;

  constructor(
    private readonly source: ReflectorSource<T, L>,
    private readonly opts: ReflectorOptions = {},
  ) {
    this.sync = new SyncState(() => this.now());
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** Waits for the first list (starting it if needed); rejects with the list's error, and the next call retries. */
  ready(): Promise<void> {
    this.lastRead = this.now();
    if (!this.synced) {
      const generation = ++this.generation;
      this.synced = this.relist(generation).catch((err: unknown) => {
        if (generation === this.generation) this.synced = undefined;
        throw err;
      });
      this.idleTimer ??= setInterval(() => this.stopIfIdle(), Math.min(60_000, this.opts.idleMs ?? 300_000));
      this.idleTimer.unref?.();
    }
    return this.synced;
  }

  /** Whether the first list has completed (and the state is being kept by the watch). */
  get hasSynced(): boolean {
    return this.syncedAt > 0;
  }

  /** Marks a read (keeps the watch alive). */
  touch(): void {
    this.lastRead = this.now();
  }

  stop(): void {
    this.generation++;
    this.stopWatch?.();
    this.stopWatch = undefined;
    this.synced = undefined;
    this.syncedAt = 0;
    clearInterval(this.idleTimer);
    this.idleTimer = undefined;
    this.source.onStop?.();
  }

  private stopIfIdle(): void {
    if (this.now() - this.lastRead >= (this.opts.idleMs ?? 300_000)) this.stop();
  }

  private async relist(generation: number): Promise<void> {
    let listed: { items: L; resourceVersion: string };
    try {
      listed = await this.source.list();
    } catch (err) {
      this.sync.failed(err);
      if (generation === this.generation) this.lastError = err instanceof Error ? err.message : String(err);
      throw err;
    }
    if (generation !== this.generation) return;
    this.source.onList(listed.items);
    this.resourceVersion = listed.resourceVersion;
    this.syncedAt = this.now();
    this.sync.synced(this.syncedAt);
    this.lastError = undefined;
    this.retryMs = RETRY_MIN_MS;
    void this.startWatch(generation);
  }

  private apply(e: WatchEventOf<T>, generation: number): void {
    if (generation !== this.generation) return;
    if (e.type === 'ERROR') {
      // 410 Gone: our resourceVersion is older than the apiserver's window (routine: relist at once, not a
      // failure); anything else: start over too, and say the data is stale until the relist succeeds.
      if (e.code !== 410)
        this.sync.failed(new AppError('ServiceUnavailable', 503, `${this.source.name} watch error: ${e.message}`));
      this.stopWatch?.();
      this.stopWatch = undefined;
      this.lastError = `watch ended: ${e.code} ${e.message}`;
      this.scheduleRelist(generation, e.code === 410 ? 0 : this.retryMs);
      return;
    }
    this.sync.synced();
    if (e.type === 'BOOKMARK') {
      this.resourceVersion = e.resourceVersion;
      this.syncedAt = this.now();
      return;
    }
    this.resourceVersion = this.source.resourceVersionOf(e.item) || this.resourceVersion;
    this.source.onEvent(e.type, e.item);
    this.syncedAt = this.now();
  }

  private async startWatch(generation: number): Promise<void> {
    const startedAt = this.now();
    try {
      const stop = await this.source.watch({
        resourceVersion: this.resourceVersion,
        onEvent: (e) => this.apply(e, generation),
        onDone: (err) => {
          if (generation !== this.generation) return;
          this.stopWatch = undefined;
          // The server's watch timeout (minutes): resume where we were; a 410 on resume arrives as an ERROR
          // event. A watch closed at once is a server that cannot watch: back off instead of spinning.
          if (err === undefined && this.now() - startedAt >= QUICK_CLOSE_MS) {
            void this.startWatch(generation);
            return;
          }
          this.lastError = err instanceof Error ? err.message : String(err ?? 'watch closed at once');
          log.warn(
            { source: this.source.name, ...this.source.logFields, err: this.lastError },
            'fleet: watch failed; relisting',
          );
          this.sync.failed(
            err ??
              new AppError(
                'ServiceUnavailable',
                503,
                `the API server closed the ${this.source.name} watch as soon as it opened`,
              ),
          );
          this.scheduleRelist(generation, this.retryMs);
        },
      });
      if (generation !== this.generation) stop();
      // not a sync yet: client-node resolves before the status is known (a 503 arrives via onDone)
      else this.stopWatch = stop;
    } catch (err) {
      if (generation !== this.generation) return;
      this.lastError = err instanceof Error ? err.message : String(err);
      this.sync.failed(this.source.toError ? this.source.toError(err) : err);
      log.warn(
        { source: this.source.name, ...this.source.logFields, err: this.lastError },
        'fleet: watch could not start',
      );
      this.scheduleRelist(generation, this.retryMs);
    }
  }

  private scheduleRelist(generation: number, delayMs: number): void {
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    const timer = setTimeout(() => {
      if (generation !== this.generation) return;
      this.relist(generation).catch(() => this.scheduleRelist(generation, this.retryMs));
    }, delayMs);
    timer.unref?.();
  }
}

import 'server-only';
import type { Kube } from '@/lib/k8s/client';
import { AppError } from '@/lib/errors';
import { toKubeError } from '@/lib/k8s/errors';
import { listNodesForWatch, watchNodesSince, type WatchedNode, type WatchedNodeEvent } from '@/lib/k8s/fleet-sources';
import { observeApiCall } from '@/lib/observability/prometheus';
import { log } from '@/lib/observability/log';
import { SyncState } from './sync-state';

export interface InformerOptions {
  /** stop watching after this long without a reader (a closed tab must not keep a 5,000-node watch open) */
  idleMs?: number;
  now?: () => number;
  /** injectable sources for tests */
  list?: typeof listNodesForWatch;
  watch?: typeof watchNodesSince;
}

const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 30_000;
const QUICK_CLOSE_MS = 1000;
const WATCH_TARGET = { kind: 'api', verb: 'watch', resource: 'nodes' } as const;

/**
 * Nodes of one kube identity, from one LIST and then one WATCH (client-go's reflector, in small): every page
 * view, sweep and /api/nodes call reads this map instead of listing 5,000 nodes again. The watch resumes from
 * the last resourceVersion when the server closes it (its normal timeout), and relists on 410 Gone (the
 * resourceVersion fell out of etcd's window) or any error, with backoff. Stops itself when nobody has read it
 * for `idleMs`, and starts again on the next read.
 */
export class NodeInformer {
  private readonly nodes = new Map<string, WatchedNode>();
  private synced: Promise<void> | undefined;
  private resourceVersion = '';
  private stopWatch: (() => void) | undefined;
  private retryMs = RETRY_MIN_MS;
  private lastRead = 0;
  private idleTimer: ReturnType<typeof setInterval> | undefined;
  private generation = 0;
  /** incremented on every change; sweeps compare it to notice added or deleted nodes */
  version = 0;
  /** ms when the map was last known to match the server (list done, or a watch event) */
  syncedAt = 0;
  /** health of the list/watch: answers built from this map carry its fetchedAt and, while failing, stale + error */
  readonly sync: SyncState;

  constructor(
    private readonly kube: Kube,
    private readonly opts: InformerOptions = {},
  ) {
    this.sync = new SyncState(() => this.now());
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** Waits for the first list (starting it if needed); rejects with the list's error, and the next call retries. */
  async ready(): Promise<void> {
    this.lastRead = this.now();
    if (!this.synced) {
      const generation = ++this.generation;
      this.synced = this.relist(generation).catch((err: unknown) => {
        this.sync.failed(err);
        if (generation === this.generation) this.synced = undefined;
        throw err;
      });
      this.idleTimer ??= setInterval(() => this.stopIfIdle(), Math.min(60_000, this.opts.idleMs ?? 300_000));
      this.idleTimer.unref?.();
    }
    return this.synced;
  }

  /** Every node, in name order (the map's order is insertion order, which a relist reshuffles). */
  list(): WatchedNode[] {
    this.lastRead = this.now();
    return [...this.nodes.values()].sort((a, b) =>
      a.node.name < b.node.name ? -1 : a.node.name > b.node.name ? 1 : 0,
    );
  }

  get(name: string): WatchedNode | undefined {
    return this.nodes.get(name);
  }

  get size(): number {
    return this.nodes.size;
  }

  stop(): void {
    this.generation++;
    this.stopWatch?.();
    this.stopWatch = undefined;
    this.synced = undefined;
    this.nodes.clear();
    clearInterval(this.idleTimer);
    this.idleTimer = undefined;
  }

  private stopIfIdle(): void {
    if (this.now() - this.lastRead >= (this.opts.idleMs ?? 300_000)) this.stop();
  }

  private async relist(generation: number): Promise<void> {
    const list = this.opts.list ?? listNodesForWatch;
    const { items, resourceVersion } = await observeApiCall('nodes.list', () => list(this.kube));
    if (generation !== this.generation) return;
    const seen = new Set<string>();
    for (const item of items) {
      seen.add(item.node.name);
      this.nodes.set(item.node.name, item);
    }
    for (const name of [...this.nodes.keys()]) if (!seen.has(name)) this.nodes.delete(name);
    this.resourceVersion = resourceVersion;
    this.version++;
    this.syncedAt = this.now();
    this.sync.synced(this.syncedAt);
    this.retryMs = RETRY_MIN_MS;
    void this.startWatch(generation);
  }

  private apply(e: WatchedNodeEvent, generation: number): void {
    if (generation !== this.generation) return;
    if (e.type === 'ERROR') {
      // 410 Gone: our resourceVersion is older than the apiserver's window (routine: relist at once, not a
      // failure); anything else: start over too, and say the data is stale until the relist succeeds.
      if (e.code !== 410) this.sync.failed(new AppError('ServiceUnavailable', 503, `node watch error: ${e.message}`));
      this.stopWatch?.();
      this.scheduleRelist(generation, e.code === 410 ? 0 : this.retryMs);
      return;
    }
    this.sync.synced();
    if (e.type === 'BOOKMARK') {
      this.resourceVersion = e.resourceVersion;
      return;
    }
    this.resourceVersion = e.item.resourceVersion || this.resourceVersion;
    if (e.type === 'DELETED') this.nodes.delete(e.item.node.name);
    else this.nodes.set(e.item.node.name, e.item);
    this.version++;
    this.syncedAt = this.now();
  }

  private async startWatch(generation: number): Promise<void> {
    const watch = this.opts.watch ?? watchNodesSince;
    const startedAt = this.now();
    try {
      const stop = await watch(this.kube, {
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
          log.warn(
            { context: this.kube.context, err: err instanceof Error ? err.message : String(err ?? 'closed at once') },
            'fleet: node watch failed; relisting',
          );
          this.sync.failed(
            err ?? new AppError('ServiceUnavailable', 503, 'the API server closed the node watch as soon as it opened'),
          );
          this.scheduleRelist(generation, this.retryMs);
        },
      });
      if (generation !== this.generation) stop();
      // not a sync yet: client-node resolves before the status is known (a 503 arrives via onDone)
      else this.stopWatch = stop;
    } catch (err) {
      if (generation !== this.generation) return;
      this.sync.failed(toKubeError(err, WATCH_TARGET, this.kube.server));
      log.warn(
        { context: this.kube.context, err: err instanceof Error ? err.message : String(err) },
        'fleet: node watch could not start',
      );
      this.scheduleRelist(generation, this.retryMs);
    }
  }

  private scheduleRelist(generation: number, delayMs: number): void {
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    const timer = setTimeout(() => {
      if (generation !== this.generation) return;
      this.relist(generation).catch((err: unknown) => {
        this.sync.failed(err);
        this.scheduleRelist(generation, this.retryMs);
      });
    }, delayMs);
    timer.unref?.();
  }
}

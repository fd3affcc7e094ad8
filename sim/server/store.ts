/**
 * Object storage with etcd-like semantics: one cluster-wide resourceVersion counter, per-resource event
 * history (bounded, so old versions "compact" and watches from them get 410 Expired), and watch fan-out.
 * Objects are held by reference (the fleet mutates Node objects in place); events carry a JSON snapshot.
 */
import type { KubeObject } from '../fleet/types';
import { expired } from './status';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export class WatchEvent {
  private parsed: KubeObject | undefined;
  constructor(
    readonly type: EventType,
    readonly rv: number,
    readonly json: string,
  ) {}
  /** The object as it was at this event (parsed lazily; shared by all watchers). */
  get object(): KubeObject {
    this.parsed ??= JSON.parse(this.json) as KubeObject;
    return this.parsed;
  }
}

export type Watcher = (ev: WatchEvent) => void;

export class Clock {
  private rv = 1;
  next(): number {
    return ++this.rv;
  }
  current(): number {
    return this.rv;
  }
}

export function keyOf(meta: { namespace?: string; name: string }): string {
  return meta.namespace ? `${meta.namespace}/${meta.name}` : meta.name;
}

export class Store {
  private readonly items = new Map<string, KubeObject>();
  private sorted: string[] | null = null;
  private readonly history: WatchEvent[] = [];
  private readonly watchers = new Set<Watcher>();
  /** resourceVersion up to which history is no longer available */
  private compactedRv: number;

  constructor(
    private readonly clock: Clock,
    private readonly historyLimit = 20_000,
  ) {
    this.compactedRv = clock.current();
  }

  /** Loads initial objects without events (they predate every watch). */
  seed(objects: Iterable<KubeObject>): void {
    for (const obj of objects) {
      obj.metadata.resourceVersion = String(this.clock.next());
      this.items.set(keyOf(obj.metadata), obj);
    }
    this.sorted = null;
    this.compactedRv = this.clock.current();
  }

  get(key: string): KubeObject | undefined {
    return this.items.get(key);
  }

  currentRv(): number {
    return this.clock.current();
  }

  get size(): number {
    return this.items.size;
  }

  sortedKeys(): readonly string[] {
    this.sorted ??= [...this.items.keys()].sort();
    return this.sorted;
  }

  /** Stamps a new resourceVersion on `obj`, stores it and emits ADDED/MODIFIED. */
  put(obj: KubeObject): KubeObject {
    const key = keyOf(obj.metadata);
    const existed = this.items.has(key);
    obj.metadata.resourceVersion = String(this.clock.next());
    this.items.set(key, obj);
    if (!existed) this.sorted = null;
    this.emit(existed ? 'MODIFIED' : 'ADDED', obj);
    return obj;
  }

  delete(key: string): KubeObject | undefined {
    const obj = this.items.get(key);
    if (!obj) return undefined;
    this.items.delete(key);
    this.sorted = null;
    obj.metadata.resourceVersion = String(this.clock.next());
    this.emit('DELETED', obj);
    return obj;
  }

  private emit(type: EventType, obj: KubeObject): void {
    const ev = new WatchEvent(type, Number(obj.metadata.resourceVersion), JSON.stringify(obj));
    this.history.push(ev);
    if (this.history.length > this.historyLimit) {
      const dropped = this.history.splice(0, this.history.length - this.historyLimit);
      this.compactedRv = dropped[dropped.length - 1]?.rv ?? this.compactedRv;
    }
    for (const w of this.watchers) w(ev);
  }

  /**
   * Subscribes from `sinceRv` (exclusive): replays retained events newer than it, then streams.
   * Throws 410 Expired when history before `sinceRv` has been compacted away.
   */
  watch(sinceRv: number, watcher: Watcher): () => void {
    if (sinceRv < this.compactedRv) throw expired(sinceRv, this.compactedRv + 1);
    for (const ev of this.history) if (ev.rv > sinceRv) watcher(ev);
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** Forgets history (tests: simulate etcd compaction). */
  compact(): void {
    this.history.length = 0;
    this.compactedRv = this.clock.current();
  }
}

import 'server-only';
import { metrics } from '@/lib/observability/prometheus';

export interface Stored<V> {
  value: V;
  /** ms (the cache's clock) when the value was stored */
  storedAt: number;
}

/**
 * A keyed cache that shares work: a fresh entry is returned as is (hit), a load already running for the key is
 * joined (coalesced), and only otherwise does `load` run (miss). Freshness is the caller's rule (`isFresh`),
 * so configz can stay valid until the node reboots while stats expire with the refresh period. `load` should
 * not throw: fleet loaders return a settled result (ok or the error's reason), which is cached like a value,
 * so a dead kubelet is asked once per period, not once per viewer. One cache belongs to one kube identity.
 */
export class SharedCache<K, V> {
  private readonly entries = new Map<K, Stored<V>>();
  private readonly inflight = new Map<K, Promise<V>>();

  constructor(
    /** label of kd_cache_lookups_total */
    private readonly name: string,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get size(): number {
    return this.entries.size;
  }

  peek(key: K): Stored<V> | undefined {
    return this.entries.get(key);
  }

  /** The cached value if `isFresh` accepts it, else the running load, else a new one. */
  get(key: K, load: () => Promise<V>, isFresh: (entry: Stored<V>) => boolean): Promise<V> {
    const lookups = metrics().cacheLookups;
    const entry = this.entries.get(key);
    if (entry && isFresh(entry)) {
      lookups.inc({ cache: this.name, result: 'hit' });
      return Promise.resolve(entry.value);
    }
    const running = this.inflight.get(key);
    if (running) {
      lookups.inc({ cache: this.name, result: 'coalesced' });
      return running;
    }
    lookups.inc({ cache: this.name, result: 'miss' });
    const p = load()
      .then((value) => {
        this.set(key, value);
        return value;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  set(key: K, value: V): void {
    this.entries.set(key, { value, storedAt: this.now() });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  keys(): IterableIterator<K> {
    return this.entries.keys();
  }
}

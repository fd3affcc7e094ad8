/**
 * One shared copy of strings that repeat across thousands of objects kept for as long as the server runs
 * (node conditions' reasons and messages, heartbeat seconds, kubelet versions, label values): JSON.parse gives
 * every node its own copy, ~1 KB per node in a 5,000-node heap snapshot (issue 20).
 *
 * Bounded: at `max` distinct strings the pool starts over. Strings already shared stay shared (the objects hold
 * them, not the pool), and a field with more distinct values than `max` costs at most `max` entries.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();

  constructor(
    private readonly max = 8192,
    /** longer strings are passed through: a unique blob would only churn the pool */
    private readonly maxLength = 256,
  ) {}

  intern(s: string): string {
    if (s.length > this.maxLength) return s;
    const shared = this.pool.get(s);
    if (shared !== undefined) return shared;
    if (this.pool.size >= this.max) this.pool.clear();
    this.pool.set(s, s);
    return s;
  }

  /** A string map with its values interned (keys are interned by JSON.parse already). */
  internValues(map: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(map)) out[k] = this.intern(v);
    return out;
  }

  get size(): number {
    return this.pool.size;
  }
}

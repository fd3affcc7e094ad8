import 'server-only';

/**
 * Which kubelet reads are on the wire right now, and since when (at most the pool's concurrency entries).
 * The sweeper reads it to mark stragglers: a node whose own request has run past the straggler threshold is
 * reported as pending, so a slow kubelet shows as slow instead of as "not asked yet".
 */
export class InFlightReads {
  private readonly since = new Map<string, number>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Runs `read` for `node`, recorded from its start (after the pool admitted it) to its end. */
  async track<T>(node: string, read: () => Promise<T>): Promise<T> {
    this.since.set(node, this.now());
    try {
      return await read();
    } finally {
      this.since.delete(node);
    }
  }

  /** Nodes whose read has been on the wire for at least `ms`, with its start time (ms, the clock above). */
  olderThan(ms: number): Array<[node: string, since: number]> {
    const cutoff = this.now() - ms;
    return [...this.since].filter(([, since]) => since <= cutoff);
  }

  get size(): number {
    return this.since.size;
  }
}

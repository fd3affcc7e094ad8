import 'server-only';
import type { FleetNodeResult, FleetSweep } from '@/lib/api/fleet';
import type { SweepListener } from '@/lib/fleet/sweep';
import { throttle } from '@/lib/throttle';

/** What a broadcast reads from: a Sweeper (lib/fleet/sweep.ts), or a stand-in in tests. */
export interface BroadcastSource {
  snapshot(): FleetNodeResult[];
  readonly last: FleetSweep | undefined;
  subscribe(listener: SweepListener): () => void;
}

/**
 * Results are sent in batches: thousands of nodes resolve per second at the start of a sweep. Each batch costs one
 * write per open stream, so the period grows with the audience, keeping the fan-out near `WRITES_PER_S` writes a
 * second: 100 ms up to 10 streams, 250 ms at 25, 1 s at 100 and beyond. Under the load bench (100 streams) ten
 * batches a second made the event loop's turns several times longer, and libuv accepts one new connection per turn
 * (docs/deploy.md, Capacity); a crowd watching a sweep sees no difference between 4 and 1 updates a second, while
 * a lone viewer's first rows wait for the batch that carries them. The first results after a quiet period (a sweep
 * starting) go out at once; after them, one batch per period.
 * @internal exported for its unit test
 */
export function flushPeriodMs(streams: number): number {
  return Math.min(MAX_FLUSH_MS, Math.max(MIN_FLUSH_MS, (streams * 1000) / WRITES_PER_S));
}
const MIN_FLUSH_MS = 100;
const MAX_FLUSH_MS = 1000;
const WRITES_PER_S = 100;

const enc = new TextEncoder();

/** One server-sent event, encoded. */
export const sseFrame = (event: string, data: unknown): Uint8Array =>
  enc.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * The frames of one sweeper's SSE streams, serialized once for all of them. Each stream used to batch and
 * JSON.stringify the same results itself: with 100 viewers a 5,000-node stats sweep (~1.5 MB of events) was
 * serialized 100 times per refresh period, the second-largest share of the server's CPU under the load bench
 * (`npm run bench -- load`). Now a batch is one Uint8Array enqueued on every stream, and a viewer joining gets
 * the known state as one frame shared by everyone joining before the next change.
 */
export class FleetBroadcast {
  private readonly streams = new Set<(frame: Uint8Array) => void>();
  private pending = new Map<string, FleetNodeResult>();
  private unsubscribe: (() => void) | undefined;
  /** the next batch: at once after a quiet spell, then one per period of the current audience (lib/throttle.ts) */
  private readonly batches = throttle(
    () => this.flush(),
    () => flushPeriodMs(this.streams.size),
    { now: () => Date.now(), unref: true },
  );
  /** bumped on every result, so the cached snapshot frame is rebuilt only after a change */
  private version = 0;
  private snapshotFrame: { version: number; bytes: Uint8Array } | undefined;

  constructor(private readonly source: BroadcastSource) {}

  get streamCount(): number {
    return this.streams.size;
  }

  /**
   * Adds a stream: it receives what is already known (results, then the last sweep), then every batch and
   * sweep end. Returns the leave function; the last stream leaving unsubscribes from the sweeper (which then
   * stops after its current sweep).
   */
  join(send: (frame: Uint8Array) => void): () => void {
    // Subscribing replays the known state into `pending` while no stream listens; it is dropped here and sent
    // to the new stream below as one snapshot frame instead.
    if (!this.unsubscribe) {
      this.unsubscribe = this.source.subscribe({
        onNodes: (results) => {
          for (const r of results) this.pending.set(r.name, r);
          this.version++;
          // while subscribing no stream listens yet: the replayed state is sent as the joining stream's snapshot
          if (this.streams.size > 0) this.batches.request();
        },
        onSweep: (sweep) => {
          this.batches.runNow();
          this.broadcast(sseFrame('sweep', sweep));
        },
      });
      this.pending.clear();
    }
    if (this.source.snapshot().length > 0) send(this.snapshot());
    const last = this.source.last;
    if (last) send(sseFrame('sweep', last));
    this.streams.add(send);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.streams.delete(send);
      if (this.streams.size > 0) return;
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.batches.cancel();
      this.pending.clear();
      this.snapshotFrame = undefined;
    };
  }

  private snapshot(): Uint8Array {
    if (this.snapshotFrame?.version !== this.version)
      this.snapshotFrame = { version: this.version, bytes: sseFrame('nodes', this.source.snapshot()) };
    return this.snapshotFrame.bytes;
  }

  /** Sends what accumulated as one batch; false when nothing had (no new period starts). */
  private flush(): boolean {
    if (this.pending.size === 0) return false;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.broadcast(sseFrame('nodes', batch));
    return true;
  }

  private broadcast(frame: Uint8Array): void {
    for (const send of this.streams) send(frame);
  }
}

const broadcasts = new WeakMap<BroadcastSource, FleetBroadcast>();

/** The one broadcast of a sweeper (sweepers live as long as their identity's fleet: lib/fleet/fleet.ts). */
export function broadcastOf(source: BroadcastSource): FleetBroadcast {
  let b = broadcasts.get(source);
  if (!b) {
    b = new FleetBroadcast(source);
    broadcasts.set(source, b);
  }
  return b;
}

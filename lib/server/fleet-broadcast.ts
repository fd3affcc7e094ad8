import 'server-only';
import type { FleetNodeResult, FleetSweep } from '@/lib/api/fleet';
import type { SweepListener } from '@/lib/fleet/sweep';

/** What a broadcast reads from: a Sweeper (lib/fleet/sweep.ts), or a stand-in in tests. */
export interface BroadcastSource {
  snapshot(): FleetNodeResult[];
  readonly last: FleetSweep | undefined;
  subscribe(listener: SweepListener): () => void;
}

/**
 * Results are sent in batches at this period: thousands of nodes resolve per second at the start of a sweep.
 * Each batch is one write per open stream; at 100 streams, 4 batches a second instead of 10 left the event loop
 * more turns for accepting connections under the load bench, and a person sees no difference.
 * @internal exported for its unit test
 */
export const FLUSH_MS = 250;

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
  private timer: ReturnType<typeof setInterval> | undefined;
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
        },
        onSweep: (sweep) => {
          this.flush();
          this.broadcast(sseFrame('sweep', sweep));
        },
      });
      this.pending.clear();
      this.timer = setInterval(() => this.flush(), FLUSH_MS);
      this.timer.unref?.();
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
      clearInterval(this.timer);
      this.timer = undefined;
      this.pending.clear();
      this.snapshotFrame = undefined;
    };
  }

  private snapshot(): Uint8Array {
    if (this.snapshotFrame?.version !== this.version)
      this.snapshotFrame = { version: this.version, bytes: sseFrame('nodes', this.source.snapshot()) };
    return this.snapshotFrame.bytes;
  }

  private flush(): void {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.broadcast(sseFrame('nodes', batch));
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

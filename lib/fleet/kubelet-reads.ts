import 'server-only';
import { metrics } from '@/lib/observability/prometheus';
import { InFlightReads } from './in-flight';
import type { Limiter, Priority } from './limiter';
import { withRetry } from './retry';
import type { FleetSettings } from './settings';

/**
 * How the fleet caches read a kubelet: through the identity's pool (in-flight bound, rate, priority), retried
 * only for failures that usually pass (retry.ts), hedged when late (below), recorded as in flight while on the
 * wire (straggler marks) and counted. /metrics counts each request in the transport (rawGet), not here.
 */
export class KubeletReads {
  /** requests sent, retries and hedges included (tests and the bench compare it across viewers) */
  count = 0;
  /** second requests sent for a late read (hedge below) */
  hedges = 0;
  readonly inFlight: InFlightReads;

  constructor(
    /** which endpoint these reads hit ("configz", "stats", "summary"): part of each waiter's key */
    private readonly kind: string,
    private readonly limiter: Limiter,
    private readonly settings: Pick<FleetSettings, 'attempts' | 'hedgeMs'>,
    now: () => number,
  ) {
    this.inFlight = new InFlightReads(now);
  }

  read<T>(node: string, request: () => Promise<T>, priority: Priority = 'background'): Promise<T> {
    return withRetry(() => this.hedged(node, request, priority), { attempts: this.settings.attempts });
  }

  /** A person is now waiting for this node's queued read: let it start before background reads. */
  promote(node: string): void {
    this.limiter.promote(this.key(node));
  }

  /**
   * One read, and a second one ("hedged request", Dean & Barroso, The Tail at Scale, CACM 2013) when the first
   * has been on the wire for `hedgeMs` while no other read waits for a slot: a request lost in a stuck
   * connection or an apiserver proxy hiccup then costs one more round trip instead of the whole deadline, and
   * the end of a sweep (where the queue is empty and one late node decides when it settles) stops waiting for it.
   * Hedges go through the pool like any read, so the in-flight bound holds; never while reads are queued, so they
   * never delay a node not asked yet; at most one per read. The first answer wins; a failure of the first
   * request ends the read at once (its deadline covers the hedge's head start), a failed hedge is ignored.
   */
  private hedged<T>(node: string, request: () => Promise<T>, priority: Priority): Promise<T> {
    const { hedgeMs } = this.settings;
    return new Promise<T>((resolve, reject) => {
      let done = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const win = (value: T) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(value);
      };
      const hedge = () => {
        if (done) return;
        if (this.limiter.queued > 0) {
          // reads still wait for a slot: look again soon (the queue drains at the end of a sweep)
          timer = setTimeout(hedge, hedgeMs / 4);
          timer.unref?.();
          return;
        }
        this.hedges++;
        metrics().hedgedReads.inc({ kind: this.kind });
        this.limiter
          .run(
            () => {
              // the first ask answered while the hedge waited for a slot: send nothing
              if (done) return Promise.reject(new Error('hedge no longer needed'));
              this.count++;
              return request();
            },
            { priority, key: `${this.key(node)}:hedge` },
          )
          .then(win, () => undefined);
      };
      this.limiter
        .run(
          () => {
            this.count++;
            if (hedgeMs > 0) {
              timer = setTimeout(hedge, hedgeMs);
              timer.unref?.();
            }
            return this.inFlight.track(node, request);
          },
          { priority, key: this.key(node) },
        )
        .then(win, (err: unknown) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          reject(err);
        });
    });
  }

  private key(node: string): string {
    return `${this.kind}:${node}`;
  }
}

import 'server-only';
import { InFlightReads } from './in-flight';
import type { Limiter, Priority } from './limiter';
import { withRetry } from './retry';

/**
 * How the fleet caches read a kubelet: through the identity's pool (in-flight bound, rate, priority), retried
 * only for failures that usually pass (retry.ts), recorded as in flight while on the wire (straggler marks) and
 * counted. /metrics counts each request in the transport (rawGet), not here.
 */
export class KubeletReads {
  /** requests sent, retries included (tests and the bench compare it across viewers) */
  count = 0;
  readonly inFlight: InFlightReads;

  constructor(
    /** which endpoint these reads hit ("configz", "stats", "summary"): part of each waiter's key */
    private readonly kind: string,
    private readonly limiter: Limiter,
    private readonly attempts: number,
    now: () => number,
  ) {
    this.inFlight = new InFlightReads(now);
  }

  read<T>(node: string, request: () => Promise<T>, priority: Priority = 'background'): Promise<T> {
    return withRetry(
      () =>
        this.limiter.run(
          () => {
            this.count++;
            return this.inFlight.track(node, request);
          },
          { priority, key: this.key(node) },
        ),
      { attempts: this.attempts },
    );
  }

  /** A person is now waiting for this node's queued read: let it start before background reads. */
  promote(node: string): void {
    this.limiter.promote(this.key(node));
  }

  private key(node: string): string {
    return `${this.kind}:${node}`;
  }
}

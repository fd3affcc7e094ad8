import 'server-only';
import { InFlightReads } from './in-flight';
import type { Limiter } from './limiter';
import { withRetry } from './retry';

/**
 * How the fleet caches read a kubelet: through the identity's pool (in-flight bound and rate), retried only
 * for failures that usually pass (retry.ts), recorded as in flight while on the wire (straggler marks) and
 * counted. /metrics counts each request in the transport (rawGet), not here.
 */
export class KubeletReads {
  /** requests sent, retries included (tests and the bench compare it across viewers) */
  count = 0;
  readonly inFlight: InFlightReads;

  constructor(
    private readonly limiter: Limiter,
    private readonly attempts: number,
    now: () => number,
  ) {
    this.inFlight = new InFlightReads(now);
  }

  read<T>(node: string, request: () => Promise<T>): Promise<T> {
    return withRetry(
      () =>
        this.limiter.run(() => {
          this.count++;
          return this.inFlight.track(node, request);
        }),
      { attempts: this.attempts },
    );
  }
}

import 'server-only';
import { AppError } from '@/lib/errors';

/**
 * Whether a failed kubelet read is worth repeating at once. Fleet reads are GETs (idempotent), so only the
 * failure decides: the apiserver throttling (429) or briefly unavailable (503, a reset keep-alive connection)
 * fails fast and usually passes. Never retried: 401/403 (credentials or RBAC will not change in a second),
 * 404 (the node is gone), a kubelet the apiserver cannot dial (502), malformed bodies, and our own deadline:
 * a kubelet silent for the whole deadline is wedged or overloaded, and asking again would hold a pool slot
 * for a second deadline and delay the sweep's end by as much. It is reported as timed out and asked again
 * on the next sweep (stats: next refresh; configz: its error expires after one refresh period).
 * @internal exported for its unit tests
 */
export function isTransientFailure(err: unknown): boolean {
  if (!(err instanceof AppError)) return false;
  if (err.code === 401 || err.code === 403 || err.code === 404) return false;
  return err.reason === 'TooManyRequests' || err.reason === 'ServiceUnavailable';
}

export interface RetryOptions {
  /** attempts in all, the first included */
  attempts: number;
  /** first backoff; doubled per retry, with full jitter between half and all of it */
  baseDelayMs?: number;
  signal?: AbortSignal;
  /** injectable for tests */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or `attempts` are used up; the last
 * error is thrown. `attempt` gets its 0-based number. Backoff happens outside the pool: a waiting retry
 * holds no slot.
 */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, o: RetryOptions): Promise<T> {
  const sleep = o.sleep ?? defaultSleep;
  const base = o.baseDelayMs ?? 100;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (n + 1 >= o.attempts || !isTransientFailure(err) || o.signal?.aborted) throw err;
      const backoff = base * 2 ** n;
      await sleep(backoff / 2 + Math.random() * (backoff / 2));
    }
  }
}

import 'server-only';
import { AppError } from '@/lib/errors';

/**
 * Whether a failed kubelet read is worth repeating. Fleet reads are GETs (idempotent), so only the failure
 * decides: a deadline, the apiserver throttling (429) or briefly unavailable (503, connection reset) may pass.
 * Never retried: 401/403 (credentials or RBAC will not change in a second), 404 (the node is gone), a
 * kubelet the apiserver cannot dial (502: a dead kubelet must not cost the sweep twice) and malformed bodies.
 */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof AppError)) return false;
  if (err.code === 401 || err.code === 403 || err.code === 404) return false;
  return err.reason === 'Timeout' || err.reason === 'TooManyRequests' || err.reason === 'ServiceUnavailable';
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
      if (n + 1 >= o.attempts || !isRetryable(err) || o.signal?.aborted) throw err;
      const backoff = base * 2 ** n;
      await sleep(backoff / 2 + Math.random() * (backoff / 2));
    }
  }
}

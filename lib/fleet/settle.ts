import 'server-only';
import { toStatus } from '@/lib/errors';
import { log } from '@/lib/observability/log';

/** A read's outcome as data: cached and streamed like a value, so one failure is reported, not rethrown to every viewer. */
export type Settled<T> =
  { ok: true; value: T; at: number } | { ok: false; reason: string; code: number; message: string; at: number };

/** Runs `fn` and keeps its error's reason and message (toStatus: unknown errors become a bare InternalError). */
export async function settle<T>(fn: () => Promise<T>, now: () => number = () => Date.now()): Promise<Settled<T>> {
  try {
    return { ok: true, value: await fn(), at: now() };
  } catch (err) {
    const s = toStatus(err);
    if (s.reason === 'InternalError')
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'fleet: unexpected read failure');
    return { ok: false, reason: s.reason, code: s.code, message: s.message, at: now() };
  }
}

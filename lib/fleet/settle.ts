import 'server-only';
import { fromStatus, toStatus } from '@/lib/errors';
import { log } from '@/lib/observability/log';

/** A read's outcome as data: cached and streamed like a value, so one failure is reported, not rethrown to every viewer. */
export type Settled<T> =
  | { ok: true; value: T; at: number }
  | { ok: false; reason: string; code: number; message: string; hint?: string; at: number };

/** Runs `fn` and keeps its error's Status (toStatus: unknown errors become a bare InternalError). */
export async function settle<T>(fn: () => Promise<T>, now: () => number = () => Date.now()): Promise<Settled<T>> {
  try {
    return { ok: true, value: await fn(), at: now() };
  } catch (err) {
    const s = toStatus(err);
    if (s.reason === 'InternalError')
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'fleet: unexpected read failure');
    return {
      ok: false,
      reason: s.reason,
      code: s.code,
      message: s.message,
      ...(s.hint ? { hint: s.hint } : {}),
      at: now(),
    };
  }
}

/** The value, or the failure rethrown as the AppError it was (reason, code, message and hint intact). */
export function unsettle<T>(s: Settled<T>): T {
  if (s.ok) return s.value;
  throw fromStatus({
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    reason: s.reason,
    code: s.code,
    message: s.message,
    ...(s.hint ? { hint: s.hint } : {}),
  });
}

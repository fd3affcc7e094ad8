// Server side and schemas shared with tests; the browser loads lib/app-error.ts instead (no validator).
import { AppError, type Status } from '@/lib/app-error';
import * as z from '@/lib/zod-mini';

/**
 * The Status schema and `toStatus`, the one mapping from any thrown value to the body a route handler sends. The
 * error classes and the browser-side helpers live in lib/app-error.ts (no validator, so every page stays small)
 * and are re-exported here for server code.
 */
export { AppError, NotFoundError, fromStatus, type Status } from '@/lib/app-error';

export const StatusSchema = z.object({
  kind: z.literal('Status'),
  apiVersion: z.literal('v1'),
  status: z.literal('Failure'),
  reason: z.string(),
  code: z.int(),
  message: z.string(),
  hint: z.optional(z.string()),
}) satisfies z.$ZodType<Status>; // the browser checks the same shape by hand: lib/app-error.ts isStatus

/** The one mapping from any thrown value to the Status a route handler sends. Unknown errors are never echoed. */
export function toStatus(err: unknown): Status {
  const e =
    err instanceof z.$ZodError // classic ZodError extends it: server schemas use full zod
      ? new AppError('Invalid', 422, z.prettifyError(err))
      : err instanceof AppError
        ? err
        : new AppError('InternalError', 500, 'internal error');
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    reason: e.reason,
    code: e.code,
    message: e.message,
    ...(e.hint ? { hint: e.hint } : {}),
  };
}

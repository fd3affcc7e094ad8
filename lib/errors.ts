// zod/mini via lib/zod-mini.ts in modules the browser loads: full zod would add ~30 kB gzip to every page.
import * as z from '@/lib/zod-mini';

/**
 * Errors shared by server and browser (no I/O). Each carries a Kubernetes-style `reason` and HTTP `code`;
 * route handlers answer with `toStatus(err)` and the browser rebuilds the error with `fromStatus()`.
 */
export type Reason =
  | 'BadRequest'
  | 'Unauthorized'
  /** shared modes: no session, or the cluster rejected the user's token; the browser goes to /signin */
  | 'SignInRequired'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'Conflict'
  | 'Invalid'
  | 'TooManyRequests'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'Timeout'
  /** the node's kubelet could not be reached through the apiserver proxy */
  | 'KubeletUnreachable'
  /** the cluster answered with a body we could not validate */
  | 'MalformedResponse'
  /** metrics.k8s.io is not served (metrics-server missing or its APIService unavailable) */
  | 'MetricsUnavailable';

export class AppError extends Error {
  constructor(
    readonly reason: Reason,
    readonly code: number,
    message: string,
    /** what the user needs to fix it: a permission, connectivity, a component */
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(kind: string, name: string) {
    super('NotFound', 404, `${kind} "${name}" not found`);
  }
}

export const StatusSchema = z.object({
  kind: z.literal('Status'),
  apiVersion: z.literal('v1'),
  status: z.literal('Failure'),
  reason: z.string(),
  code: z.int(),
  message: z.string(),
  hint: z.optional(z.string()),
});
export type Status = z.infer<typeof StatusSchema>;

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

const KNOWN_REASONS = new Set<string>([
  'BadRequest',
  'Unauthorized',
  'SignInRequired',
  'Forbidden',
  'NotFound',
  'MethodNotAllowed',
  'Conflict',
  'Invalid',
  'TooManyRequests',
  'InternalError',
  'ServiceUnavailable',
  'Timeout',
  'KubeletUnreachable',
  'MalformedResponse',
  'MetricsUnavailable',
]);

/** Rebuilds an AppError from a Status body (browser side). */
export function fromStatus(status: Status): AppError {
  const reason = (KNOWN_REASONS.has(status.reason) ? status.reason : 'InternalError') as Reason;
  return new AppError(reason, status.code, status.message, status.hint);
}

/**
 * Whether a browser query may try again: never for what retrying cannot fix (400, 401, 403, 404, 405, 409, 422),
 * and yes for the rest, unknown errors included (a dropped connection, a 5xx). The server's kubelet reads retry
 * far less (lib/fleet/retry.ts isTransientFailure): a browser retry is cheap, a pool slot is not.
 */
export function queryMayRetry(err: unknown): boolean {
  if (!(err instanceof AppError)) return true;
  return ![400, 401, 403, 404, 405, 409, 422].includes(err.code);
}

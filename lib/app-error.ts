/**
 * The errors server and browser share, without any validator: the browser loads this module on every page, and
 * zod would add ~25 kB gzip to each (issue 20). Route handlers answer with lib/errors.ts `toStatus(err)`; the
 * browser rebuilds the error from that Status with `fromStatus()` after `isStatus()` recognised it.
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

/** The failure body every route handler sends (a Kubernetes `Status` plus our `hint`); lib/errors.ts StatusSchema. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  status: 'Failure';
  reason: string;
  code: number;
  message: string;
  hint?: string;
}

/**
 * Whether an error body is our Status (browser side). Checked by hand rather than with lib/errors.ts StatusSchema so
 * the browser loads no validator; the same rules: the three constant fields, an integer code, string texts.
 */
export function isStatus(body: unknown): body is Status {
  if (typeof body !== 'object' || body === null) return false;
  const s = body as Record<string, unknown>;
  return (
    s.kind === 'Status' &&
    s.apiVersion === 'v1' &&
    s.status === 'Failure' &&
    typeof s.reason === 'string' &&
    Number.isInteger(s.code) &&
    typeof s.message === 'string' &&
    (s.hint === undefined || typeof s.hint === 'string')
  );
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

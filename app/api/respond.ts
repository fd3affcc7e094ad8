import 'server-only';
import { authMode } from '@/lib/auth/config';
import { SignInRequiredError } from '@/lib/auth/identity';
import { CLEAR_SESSION_COOKIE } from '@/lib/auth/session';
import { AppError, toStatus } from '@/lib/errors';
import { addedClusterRejection } from '@/lib/auth/session-clusters';
import { log } from '@/lib/observability/log';

/**
 * In the shared modes a 401 from the cluster means the user's own token was rejected (expired, revoked): the
 * session is cleared and the answer says to sign in again (the browser's query layer goes to /signin).
 */
function forUser(err: unknown): { err: unknown; clearSession: boolean } {
  if (!(err instanceof AppError) || err.code !== 401 || authMode() === 'local') return { err, clearSession: false };
  if (err instanceof SignInRequiredError) return { err, clearSession: authMode() === 'shared' };
  const added = addedClusterRejection(err);
  if (added) return { err: added, clearSession: false };
  return {
    err: new SignInRequiredError('The cluster rejected your token (expired or revoked): sign in again.', err.message),
    clearSession: authMode() === 'shared',
  };
}

/** The one error answer of every route handler: a Status body; only what the user can't act on is logged. */
export function errorResponse(caught: unknown): Response {
  const { err, clearSession } = forUser(caught);
  const status = toStatus(err);
  // A bug gets a stack trace; a cluster condition (kubelet down, metrics-server missing) is one warn line.
  if (status.reason === 'InternalError') log.error({ err }, status.message);
  else if (status.code >= 500) log.warn({ reason: status.reason, code: status.code }, status.message);
  const headers = new Headers({ 'cache-control': 'no-store' });
  if (clearSession) headers.append('set-cookie', CLEAR_SESSION_COOKIE);
  return Response.json(status, { status: status.code, headers });
}

/** JSON answer that no cache may keep: it reflects the cluster now, and depends on the context cookie. */
export const json = (body: unknown): Response => Response.json(body, { headers: { 'cache-control': 'no-store' } });

import 'server-only';
import { toStatus } from '@/lib/errors';

/** The one error answer of every route handler: a Status body; only what the user can't act on is logged. */
export function errorResponse(err: unknown): Response {
  const status = toStatus(err);
  if (status.code >= 500) console.error(err);
  return Response.json(status, { status: status.code, headers: { 'cache-control': 'no-store' } });
}

/** JSON answer that no cache may keep: it reflects the cluster now, and depends on the context cookie. */
export const json = (body: unknown): Response => Response.json(body, { headers: { 'cache-control': 'no-store' } });

import { getFleetNodeList } from '@/lib/server/node-list';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../respond';

export const dynamic = 'force-dynamic';

/**
 * NodeListResponse: rows for every node; metrics and pods may be marked unavailable while nodes still return.
 * Served from the identity's shared node watch and per-period caches, not a LIST per request.
 */
export async function GET(_req: Request) {
  try {
    return json(await getFleetNodeList(await getRequestKube()));
  } catch (err) {
    return errorResponse(err);
  }
}

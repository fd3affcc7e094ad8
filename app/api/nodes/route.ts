import { nodeListBody } from '@/lib/server/node-list-body';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse } from '../respond';
import { admitted, chunkedBody } from '@/lib/server/admission';

export const dynamic = 'force-dynamic';

/**
 * NodeListResponse: rows for every node; metrics and pods may be marked unavailable while nodes still return.
 * Served from the identity's shared node watch and per-period caches, not a LIST per request, and serialized
 * once per second for every caller (node-list-body.ts).
 */
export async function GET(_req: Request) {
  return admitted(async () => {
    try {
      return new Response(chunkedBody(await nodeListBody(await getRequestKube())), {
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    } catch (err) {
      return errorResponse(err);
    }
  }, 'bulk');
}

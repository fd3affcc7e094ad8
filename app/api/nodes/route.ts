import { nodeListBody } from '@/lib/server/node-list-body';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse } from '../respond';
import { admitted } from '@/lib/server/admission';

export const dynamic = 'force-dynamic';

/**
 * NodeListResponse: rows for every node; metrics and pods may be marked unavailable while nodes still return.
 * Served from the identity's shared node watch and per-period caches, not a LIST per request, and serialized
 * once per second for every caller (node-list-body.ts).
 */
export async function GET(req: Request) {
  return admitted(async () => {
    try {
      const body = await nodeListBody(await getRequestKube());
      const headers = { 'content-type': 'application/json', 'cache-control': 'no-store', vary: 'accept-encoding' };
      // every browser sends gzip; the shared answer was compressed once (lib/server/node-list-body.ts)
      if (/\bgzip\b/.test(req.headers.get('accept-encoding') ?? ''))
        return new Response(body.gzip, { headers: { ...headers, 'content-encoding': 'gzip' } });
      return new Response(body.json, { headers });
    } catch (err) {
      return errorResponse(err);
    }
  });
}

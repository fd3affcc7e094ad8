import { listReviewedCsrsOrLastGood } from '@/lib/server/csr-list-last-good';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../respond';
import { admitted } from '@/lib/server/admission';

export const dynamic = 'force-dynamic';

/**
 * Every CSR with its safety verdict (CsrListResponse, lib/api/csrs.ts), the pending count, flood warning and
 * permissions; while the API server fails, the last good list marked stale (lib/server/csr-list-last-good.ts).
 */
export async function GET() {
  return admitted(async () => {
    try {
      return json(await listReviewedCsrsOrLastGood(await getRequestKube()));
    } catch (err) {
      return errorResponse(err);
    }
  });
}

import { listReviewedCsrs } from '@/lib/server/csr-review';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../respond';
import { admitted } from '@/lib/server/admission';

export const dynamic = 'force-dynamic';

/** Every CSR with its safety verdict (CsrListResponse, lib/api/csrs.ts), the pending count, flood warning and permissions. */
export async function GET() {
  return admitted(async () => {
    try {
      const { resourceVersion: _rv, ...body } = await listReviewedCsrs(await getRequestKube(), new Date());
      return json(body);
    } catch (err) {
      return errorResponse(err);
    }
  });
}

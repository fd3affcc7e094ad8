import { errorResponse } from '@/app/api/respond';
import { BulkApproveBodySchema } from '@/lib/api/csrs';
import { assertBulkItemsReviewed } from '@/lib/server/csr-bulk-scope';
import { bulkApprove } from '@/lib/server/csr-decide';
import { getRequestKube } from '@/lib/server/request-kube';
import { readJsonBody } from '@/lib/security/body';
import { admitDecision } from '@/lib/security/decision-gate';

/**
 * Approves exactly the previewed CSRs (each re-read and re-checked), at most 10 in flight; one result per CSR.
 * Names the user cannot have seen pending in the list are refused first, all together (one 422).
 */
export async function POST(req: Request) {
  try {
    const { items } = await admitDecision(req, 'bulk-approve', () => readJsonBody(req, BulkApproveBodySchema));
    const kube = await getRequestKube();
    await assertBulkItemsReviewed(kube, items);
    return Response.json(await bulkApprove(kube, items, { concurrency: 10 }));
  } catch (err) {
    return errorResponse(err);
  }
}

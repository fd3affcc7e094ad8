import { errorResponse } from '@/app/api/respond';
import { BulkDenyBodySchema } from '@/lib/api/csrs';
import { assertBulkItemsReviewed } from '@/lib/server/csr-bulk-scope';
import { bulkDeny } from '@/lib/server/csr-decide';
import { getRequestKube } from '@/lib/server/request-kube';
import { readJsonBody } from '@/lib/security/body';
import { admitDecision } from '@/lib/security/decision-gate';

/**
 * "Deny all failing": denies exactly the previewed CSRs with one reason (each re-read and re-checked: one that now
 * passes every check is refused), at most 10 in flight; one result per CSR. Names the user cannot have seen pending
 * in the list are refused first, all together (one 422).
 */
export async function POST(req: Request) {
  try {
    const { items, reason } = await admitDecision(req, 'bulk-deny', () => readJsonBody(req, BulkDenyBodySchema));
    const kube = await getRequestKube();
    await assertBulkItemsReviewed(kube, items);
    return Response.json(await bulkDeny(kube, items, reason, { concurrency: 10 }));
  } catch (err) {
    return errorResponse(err);
  }
}

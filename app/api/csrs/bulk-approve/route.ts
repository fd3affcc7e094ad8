import { errorResponse } from '@/app/api/respond';
import { BulkApproveBodySchema } from '@/lib/api/csrs';
import { bulkApprove } from '@/lib/server/csr-decide';
import { getRequestKube } from '@/lib/server/request-kube';
import { readJsonBody } from '@/lib/security/body';
import { assertMutationAllowed } from '@/lib/security/guard';

/** Approves exactly the previewed CSRs (each re-read and re-checked), at most 10 in flight; one result per CSR. */
export async function POST(req: Request) {
  try {
    assertMutationAllowed(req);
    const { items } = await readJsonBody(req, BulkApproveBodySchema);
    return Response.json(await bulkApprove(await getRequestKube(), items, { concurrency: 10 }));
  } catch (err) {
    return errorResponse(err);
  }
}

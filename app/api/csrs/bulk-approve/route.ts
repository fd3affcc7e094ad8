import { BulkApproveBodySchema } from '@/lib/api/csrs';
import { toStatus } from '@/lib/errors';
import { bulkApprove } from '@/lib/k8s/csr-approval';
import { getRequestKube } from '@/lib/k8s/request';
import { readJsonBody } from '@/lib/security/body';
import { assertMutationAllowed } from '@/lib/security/guard';

/** Approves exactly the previewed CSRs (each re-read and re-checked), at most 10 in flight; one result per CSR. */
export async function POST(req: Request) {
  try {
    assertMutationAllowed(req);
    const { items } = await readJsonBody(req, BulkApproveBodySchema);
    return Response.json(await bulkApprove(await getRequestKube(), items, { concurrency: 10 }));
  } catch (err) {
    const status = toStatus(err);
    if (status.code >= 500) console.error(err);
    return Response.json(status, { status: status.code });
  }
}

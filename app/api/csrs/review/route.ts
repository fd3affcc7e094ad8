import { toStatus } from '@/lib/errors';
import { listReviewedCsrs } from '@/lib/k8s/csr-review';
import { getRequestKube } from '@/lib/k8s/request';

/** Every CSR with its safety verdict, the pending count and flood warning, and the user's approval permissions. */
export async function GET() {
  try {
    const { resourceVersion: _rv, ...body } = await listReviewedCsrs(await getRequestKube(), new Date());
    return Response.json(body, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    const status = toStatus(err);
    if (status.code >= 500) console.error(err);
    return Response.json(status, { status: status.code });
  }
}

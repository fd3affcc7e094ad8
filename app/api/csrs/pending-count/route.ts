import { toStatus } from '@/lib/errors';
import { pendingCsrCount } from '@/lib/k8s/csr-review';
import { getRequestKube } from '@/lib/k8s/request';

/** Pending CSRs for the navigation badge (no decoding, no checks). */
export async function GET() {
  try {
    return Response.json(await pendingCsrCount(await getRequestKube()), { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    const status = toStatus(err);
    if (status.code >= 500) console.error(err);
    return Response.json(status, { status: status.code });
  }
}

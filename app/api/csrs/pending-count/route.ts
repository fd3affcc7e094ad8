import { errorResponse, json } from '@/app/api/respond';
import { pendingCsrCount } from '@/lib/k8s/csr-review';
import { getRequestKube } from '@/lib/k8s/request';

/** Pending CSRs for the navigation badge (no decoding, no checks). */
export async function GET() {
  try {
    return json(await pendingCsrCount(await getRequestKube()));
  } catch (err) {
    return errorResponse(err);
  }
}

import { errorResponse, json } from '@/app/api/respond';
import { pendingCsrCount } from '@/lib/server/csr-review';
import { getRequestKube } from '@/lib/server/request-kube';

/** Pending CSRs for the navigation badge (no decoding, no checks). */
export async function GET() {
  try {
    return json(await pendingCsrCount(await getRequestKube()));
  } catch (err) {
    return errorResponse(err);
  }
}

import { listCsrs } from '@/lib/k8s/csrs';
import { getRequestKube } from '@/lib/k8s/request';
import { errorResponse, json } from '../respond';

export const dynamic = 'force-dynamic';

/**
 * Basic CSR list `{ items: CsrObject[], context }`. The CSR review work replaces it with CsrListResponse
 * (lib/api/csrs.ts), which adds checks and permissions.
 */
export async function GET(req: Request) {
  try {
    const kube = await getRequestKube();
    return json({ items: await listCsrs(kube, req.signal), context: kube.context });
  } catch (err) {
    return errorResponse(err);
  }
}

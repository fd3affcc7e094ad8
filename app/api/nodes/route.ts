import { getNodeList } from '@/lib/k8s/node-list';
import { getRequestKube } from '@/lib/k8s/request';
import { errorResponse, json } from '../respond';

export const dynamic = 'force-dynamic';

/** NodeListResponse: rows for every node; metrics and pods may be marked unavailable while nodes still return. */
export async function GET(req: Request) {
  try {
    return json(await getNodeList(await getRequestKube(), req.signal));
  } catch (err) {
    return errorResponse(err);
  }
}

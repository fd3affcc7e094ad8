import { listRequestContexts } from '@/lib/server/request-kube';
import { errorResponse, json } from '../respond';

export const dynamic = 'force-dynamic';

/** ContextsResponse: names, cluster, user and server URL of each kubeconfig context (never credentials). */
export async function GET() {
  try {
    return json(await listRequestContexts());
  } catch (err) {
    return errorResponse(err);
  }
}

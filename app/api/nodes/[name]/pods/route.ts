import type { NodePodsResponse } from '@/lib/api/node-detail';
import { NodeNameSchema } from '@/lib/api/names';
import { listPodsOnNode, toNodePod } from '@/lib/k8s/pods';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../../../respond';

export const dynamic = 'force-dynamic';

/** NodePodsResponse: the node's non-terminated pods with requests/limits summed like `kubectl describe node`. */
export async function GET(req: Request, ctx: RouteContext<'/api/nodes/[name]/pods'>) {
  try {
    const name = NodeNameSchema.parse((await ctx.params).name);
    const pods = await listPodsOnNode(await getRequestKube(), name, req.signal);
    const body: NodePodsResponse = { node: name, items: pods.map(toNodePod) };
    return json(body);
  } catch (err) {
    return errorResponse(err);
  }
}

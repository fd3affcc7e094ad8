import type { NodePodsResponse } from '@/lib/api/node-detail';
import { NodeNameSchema } from '@/lib/api/names';
import { getNode } from '@/lib/k8s/nodes';
import { listPodsOnNode, toNodePod } from '@/lib/k8s/pods';
import { getRequestKube } from '@/lib/k8s/request';
import { errorResponse, json } from '../../../respond';

export const dynamic = 'force-dynamic';

/**
 * NodePodsResponse: the node's non-terminated pods with requests/limits summed like `kubectl describe node`. A
 * field-selected list is empty for a node that does not exist too, so an empty one is checked: 404, not [].
 */
export async function GET(req: Request, ctx: RouteContext<'/api/nodes/[name]/pods'>) {
  try {
    const name = NodeNameSchema.parse((await ctx.params).name);
    const kube = await getRequestKube();
    const pods = await listPodsOnNode(kube, name, req.signal);
    if (pods.length === 0) await getNode(kube, name, req.signal); // throws NotFoundError
    const body: NodePodsResponse = { node: name, items: pods.map(toNodePod) };
    return json(body);
  } catch (err) {
    return errorResponse(err);
  }
}

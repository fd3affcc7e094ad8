import { NodeNameSchema } from '@/lib/api/names';
import { nodePods } from '@/lib/server/node-detail';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../../../respond';
import { admitted } from '@/lib/server/admission';

export const dynamic = 'force-dynamic';

/**
 * NodePodsResponse: the node's non-terminated pods with requests/limits summed like `kubectl describe node`. A
 * field-selected list is empty for a node that does not exist too, so an empty one is checked: 404, not [].
 */
export async function GET(req: Request, ctx: RouteContext<'/api/nodes/[name]/pods'>) {
  return admitted(async () => {
    try {
      const name = NodeNameSchema.parse((await ctx.params).name);
      return json(await nodePods(await getRequestKube(), name, req.signal));
    } catch (err) {
      return errorResponse(err);
    }
  });
}

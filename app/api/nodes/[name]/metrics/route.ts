import { NodeNameSchema } from '@/lib/api/names';
import { nodeMetrics } from '@/lib/server/node-detail';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../../../respond';
import { admitted } from '@/lib/server/admission';

export const dynamic = 'force-dynamic';

/** NodeMetrics: the node's current usage from metrics.k8s.io (503 MetricsUnavailable without metrics-server). */
export async function GET(req: Request, ctx: RouteContext<'/api/nodes/[name]/metrics'>) {
  return admitted(async () => {
    try {
      const name = NodeNameSchema.parse((await ctx.params).name);
      return json(await nodeMetrics(await getRequestKube(), name, req.signal));
    } catch (err) {
      return errorResponse(err);
    }
  });
}

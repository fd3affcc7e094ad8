import { NodeNameSchema } from '@/lib/api/names';
import { nodeObject } from '@/lib/server/node-detail';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../../respond';
import { admitted } from '@/lib/server/admission';

export const dynamic = 'force-dynamic';

/** NodeDetail of one node. */
export async function GET(req: Request, ctx: RouteContext<'/api/nodes/[name]'>) {
  return admitted(async () => {
    try {
      const name = NodeNameSchema.parse((await ctx.params).name);
      return json(await nodeObject(await getRequestKube(), name, req.signal));
    } catch (err) {
      return errorResponse(err);
    }
  });
}

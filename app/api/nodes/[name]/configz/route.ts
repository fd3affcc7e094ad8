import { NodeNameSchema } from '@/lib/api/names';
import { nodeConfigz } from '@/lib/server/node-detail';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../../../respond';
import { admitted } from '@/lib/server/admission';

export const dynamic = 'force-dynamic';

/** `{ kubeletconfig: {...} }` as the node's kubelet serves it on /configz (through the apiserver's node proxy and the fleet's pool). */
export async function GET(_req: Request, ctx: RouteContext<'/api/nodes/[name]/configz'>) {
  return admitted(async () => {
    try {
      const name = NodeNameSchema.parse((await ctx.params).name);
      return json(await nodeConfigz(await getRequestKube(), name));
    } catch (err) {
      return errorResponse(err);
    }
  });
}

import { FreshQuerySchema } from '@/lib/api/freshness';
import { NodeNameSchema } from '@/lib/api/names';
import { nodeConfigz } from '@/lib/server/node-detail';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../../../respond';
import { admitted } from '@/lib/server/admission';

export const dynamic = 'force-dynamic';

/**
 * `{ kubeletconfig: {...}, fetchedAt }` as the node's kubelet serves it on /configz (through the apiserver's node
 * proxy and the fleet's pool); `?fresh=1` bypasses the cache (a panel's refresh).
 */
export async function GET(req: Request, ctx: RouteContext<'/api/nodes/[name]/configz'>) {
  return admitted(async () => {
    try {
      const name = NodeNameSchema.parse((await ctx.params).name);
      const { fresh } = FreshQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
      return json(await nodeConfigz(await getRequestKube(), name, undefined, { fresh: fresh === '1' }));
    } catch (err) {
      return errorResponse(err);
    }
  });
}

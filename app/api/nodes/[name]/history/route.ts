import { nodeHistory } from '@/lib/server/node-history';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../../../respond';

export const dynamic = 'force-dynamic';

/** The node's eviction signals over the last hour, as the server kept them (lib/fleet/signal-history.ts). */
export async function GET(_req: Request, ctx: RouteContext<'/api/nodes/[name]/history'>) {
  try {
    return json(nodeHistory(await getRequestKube(), (await ctx.params).name));
  } catch (err) {
    return errorResponse(err);
  }
}

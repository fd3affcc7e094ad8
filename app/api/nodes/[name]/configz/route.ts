import { NodeNameSchema } from '@/lib/api/names';
import { getKubeletConfigz } from '@/lib/k8s/kubelet';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../../../respond';

export const dynamic = 'force-dynamic';

/** `{ kubeletconfig: {...} }` as the node's kubelet serves it on /configz (through the apiserver's node proxy). */
export async function GET(req: Request, ctx: RouteContext<'/api/nodes/[name]/configz'>) {
  try {
    const name = NodeNameSchema.parse((await ctx.params).name);
    return json(await getKubeletConfigz(await getRequestKube(), name, { signal: req.signal }));
  } catch (err) {
    return errorResponse(err);
  }
}

import { ExplainRequestSchema, MAX_EXPLAIN_BODY_BYTES } from '@/lib/api/provenance';
import { NodeNameSchema } from '@/lib/api/names';
import { getRequestKube } from '@/lib/server/request-kube';
import { explainForNode } from '@/lib/server/explain-node';
import { assertMutationAllowed } from '@/lib/security/guard';
import { readJsonBody } from '@/lib/security/body';
import { errorResponse, json } from '../../../respond';

export const dynamic = 'force-dynamic';

/**
 * Explains where each effective kubelet setting came from, from node files the user pastes. POST only: the
 * pasted text travels in the body, is used for this one answer and is neither stored, logged nor forwarded
 * (only the node's version, configz and kubeadm ConfigMap are read from the cluster). Same-origin + CSRF as
 * every POST; body capped by readJsonBody and the schema.
 */
export async function POST(req: Request, ctx: RouteContext<'/api/nodes/[name]/explain'>) {
  try {
    assertMutationAllowed(req);
    const name = NodeNameSchema.parse((await ctx.params).name);
    const body = await readJsonBody(req, ExplainRequestSchema, MAX_EXPLAIN_BODY_BYTES);
    return json(await explainForNode(await getRequestKube(), name, body, req.signal));
  } catch (err) {
    return errorResponse(err);
  }
}

import { errorResponse } from '@/app/api/respond';
import { CsrNameSchema, DenyBodySchema } from '@/lib/api/csrs';
import { decideCsr } from '@/lib/server/csr-decide';
import { getRequestKube } from '@/lib/server/request-kube';
import { readJsonBody } from '@/lib/security/body';
import { admitDecision } from '@/lib/security/decision-gate';

/** Denies one CSR, recording the reviewer's reason in the condition message. */
export async function POST(req: Request, ctx: RouteContext<'/api/csrs/[name]/deny'>) {
  try {
    const { name, body } = await admitDecision(req, 'deny', async () => ({
      name: CsrNameSchema.parse((await ctx.params).name),
      body: await readJsonBody(req, DenyBodySchema),
    }));
    const { resourceVersion, reason } = body;
    return Response.json(
      await decideCsr(await getRequestKube(), { name, decision: 'deny', resourceVersion, note: reason }),
    );
  } catch (err) {
    return errorResponse(err);
  }
}

import { errorResponse } from '@/app/api/respond';
import { ApproveBodySchema, CsrNameSchema } from '@/lib/api/csrs';
import { decideCsr } from '@/lib/server/csr-decide';
import { getRequestKube } from '@/lib/server/request-kube';
import { readJsonBody } from '@/lib/security/body';
import { admitDecision } from '@/lib/security/decision-gate';

/** Approves one CSR after re-reading and re-checking it; the reviewed resourceVersion makes a changed CSR a 409. */
export async function POST(req: Request, ctx: RouteContext<'/api/csrs/[name]/approve'>) {
  try {
    const { name, body } = await admitDecision(req, 'approve', async () => ({
      name: CsrNameSchema.parse((await ctx.params).name),
      body: await readJsonBody(req, ApproveBodySchema),
    }));
    return Response.json(await decideCsr(await getRequestKube(), { name, decision: 'approve', ...body }));
  } catch (err) {
    return errorResponse(err);
  }
}

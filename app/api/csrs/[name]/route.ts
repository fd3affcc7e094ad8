import { errorResponse, json } from '@/app/api/respond';
import { CsrNameSchema } from '@/lib/api/csrs';
import { getReviewedCsr } from '@/lib/server/csr-review';
import { getRequestKube } from '@/lib/server/request-kube';

/** One CSR: decoded request, every check, the issued certificate, who decided, and permissions. */
export async function GET(_req: Request, ctx: RouteContext<'/api/csrs/[name]'>) {
  try {
    const name = CsrNameSchema.parse((await ctx.params).name);
    return json(await getReviewedCsr(await getRequestKube(), name));
  } catch (err) {
    return errorResponse(err);
  }
}

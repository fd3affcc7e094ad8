import { CsrNameSchema } from '@/lib/api/csrs';
import { toStatus } from '@/lib/errors';
import { getReviewedCsr } from '@/lib/k8s/csr-review';
import { getRequestKube } from '@/lib/k8s/request';

/** One CSR: decoded request, every check, the issued certificate, who decided, and permissions. */
export async function GET(_req: Request, ctx: RouteContext<'/api/csrs/[name]'>) {
  try {
    const name = CsrNameSchema.parse((await ctx.params).name);
    return Response.json(await getReviewedCsr(await getRequestKube(), name), { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    const status = toStatus(err);
    if (status.code >= 500) console.error(err);
    return Response.json(status, { status: status.code });
  }
}

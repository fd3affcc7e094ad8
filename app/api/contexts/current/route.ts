import { SelectContextBodySchema } from '@/lib/api/contexts';
import { AppError } from '@/lib/errors';
import { getKube } from '@/lib/k8s/client';
import { CONTEXT_COOKIE, listRequestContexts } from '@/lib/k8s/request';
import { errorResponse, json } from '../../respond';

export const dynamic = 'force-dynamic';

/** Selects the context for this browser: same-origin only (403 otherwise), 422 for a context not in the kubeconfig. */
export async function POST(req: Request) {
  try {
    const origin = req.headers.get('origin');
    if (!origin || URL.canParse(origin) === false || new URL(origin).host !== (req.headers.get('host') ?? new URL(req.url).host)) {
      throw new AppError('Forbidden', 403, 'Cross-origin request refused.');
    }
    const body: unknown = await req.json().catch(() => {
      throw new AppError('BadRequest', 400, 'Body is not JSON.');
    });
    const { name } = SelectContextBodySchema.parse(body);
    getKube({ context: name }); // throws 422 when the kubeconfig has no such context
    const secure = new URL(req.url).protocol === 'https:' ? '; Secure' : '';
    const res = json({ ...(await listRequestContexts()), current: name });
    res.headers.append('set-cookie', `${CONTEXT_COOKIE}=${encodeURIComponent(name)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000${secure}`);
    return res;
  } catch (err) {
    return errorResponse(err);
  }
}

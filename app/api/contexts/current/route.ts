import { SelectContextBodySchema } from '@/lib/api/contexts';
import { assertContextSwitchAllowed } from '@/lib/auth/config';
import { assertSelectableContext, CONTEXT_COOKIE, listRequestContexts } from '@/lib/server/request-kube';
import { readJsonBody } from '@/lib/security/body';
import { assertMutationAllowed } from '@/lib/security/guard';
import { cookieIsSecure } from '@/lib/security/request-protocol';
import { errorResponse, json } from '../../respond';

export const dynamic = 'force-dynamic';

/**
 * Selects the context for this browser. Same-origin and CSRF-checked like every mutation (403 otherwise);
 * 422 for a context not in the kubeconfig (local) or not the dashboard's nor added to the session (shared); 403
 * behind an auth proxy (one cluster). The cookie is HttpOnly and SameSite=Strict.
 */
export async function POST(req: Request) {
  try {
    assertMutationAllowed(req);
    assertContextSwitchAllowed();
    const { name } = await readJsonBody(req, SelectContextBodySchema);
    await assertSelectableContext(name);
    const secure = cookieIsSecure(req) ? '; Secure' : '';
    const res = json({ ...(await listRequestContexts()), current: name });
    res.headers.append(
      'set-cookie',
      `${CONTEXT_COOKIE}=${encodeURIComponent(name)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000${secure}`,
    );
    return res;
  } catch (err) {
    return errorResponse(err);
  }
}

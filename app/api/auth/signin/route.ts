import { errorResponse } from '@/app/api/respond';
import { SignInBodySchema } from '@/lib/api/auth';
import { clearSessionClusters } from '@/lib/auth/session-clusters';
import { signIn } from '@/lib/auth/sign-in';
import { readJsonBody } from '@/lib/security/body';
import { assertMutationAllowed } from '@/lib/security/guard';

export const dynamic = 'force-dynamic';

/** Shared mode: checks a pasted bearer token with the cluster and keeps it in the encrypted session cookie. */
export async function POST(req: Request) {
  try {
    assertMutationAllowed(req);
    const { token } = await readJsonBody(req, SignInBodySchema, 16 * 1024);
    const { body, cookie } = await signIn(req, token);
    const headers = new Headers({ 'set-cookie': cookie, 'cache-control': 'no-store' });
    // a new sign-in starts with no added clusters: those of an earlier one (bound to it) are cleared
    for (const clear of await clearSessionClusters()) headers.append('set-cookie', clear);
    return Response.json(body, { headers });
  } catch (err) {
    return errorResponse(err);
  }
}

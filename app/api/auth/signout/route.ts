import { errorResponse } from '@/app/api/respond';
import type { SignOutResponse } from '@/lib/api/auth';
import { clearSessionClusters } from '@/lib/auth/session-clusters';
import { signOut } from '@/lib/auth/sign-in';
import { assertMutationAllowed } from '@/lib/security/guard';

export const dynamic = 'force-dynamic';

/** Clears the session cookie and the added clusters' cookies (POST with same-origin + CSRF, so another site cannot sign a user out). */
export async function POST(req: Request) {
  try {
    assertMutationAllowed(req);
    const clusters = await clearSessionClusters();
    const { cookie } = await signOut();
    const headers = new Headers({ 'set-cookie': cookie, 'cache-control': 'no-store' });
    for (const clear of clusters) headers.append('set-cookie', clear);
    return Response.json({ signedOut: true } satisfies SignOutResponse, { headers });
  } catch (err) {
    return errorResponse(err);
  }
}

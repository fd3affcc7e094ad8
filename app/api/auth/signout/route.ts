import { errorResponse } from '@/app/api/respond';
import { signOut } from '@/lib/auth/sign-in';
import { assertMutationAllowed } from '@/lib/security/guard';

export const dynamic = 'force-dynamic';

/** Clears the session cookie (POST with same-origin + CSRF, so another site cannot sign a user out). */
export async function POST(req: Request) {
  try {
    assertMutationAllowed(req);
    const { cookie } = await signOut();
    return Response.json({ signedOut: true }, { headers: { 'set-cookie': cookie, 'cache-control': 'no-store' } });
  } catch (err) {
    return errorResponse(err);
  }
}

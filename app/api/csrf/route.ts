import { csrf } from '@/lib/security/csrf';
import { cookieIsSecure } from '@/lib/security/request-protocol';

/** Issues a CSRF token (body) and its cookie; mutating routes check both (see lib/security/csrf.ts). */
export function GET(req: Request) {
  const { token, cookie } = csrf.issue(cookieIsSecure(req));
  return Response.json({ token }, { headers: { 'set-cookie': cookie, 'cache-control': 'no-store' } });
}

import { csrf } from '@/lib/security/csrf';

/** Issues a CSRF token (body) and its cookie; mutating routes check both (see lib/security/csrf.ts). */
export function GET(req: Request) {
  const { token, cookie } = csrf.issue(new URL(req.url).protocol === 'https:');
  return Response.json({ token }, { headers: { 'set-cookie': cookie, 'cache-control': 'no-store' } });
}

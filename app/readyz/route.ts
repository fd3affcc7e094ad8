import { authConfig } from '@/lib/auth/config';
import { env } from '@/lib/env';
import { toStatus } from '@/lib/errors';
import { assertCredentialsLoad } from '@/lib/server/request-kube';

// Readiness: configuration (including the auth mode and its secret) is valid and credentials load. Deliberately not "the API server answers": a pod
// taken out of rotation could not show users that their cluster is unreachable.
export const dynamic = 'force-dynamic';

export function GET() {
  try {
    env();
    authConfig();
    assertCredentialsLoad();
    return new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
  } catch (err) {
    const status = toStatus(err);
    return Response.json({ ...status, code: 503 }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
}

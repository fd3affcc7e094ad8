import { authConfig } from '@/lib/auth/config';
import { env } from '@/lib/env';
import { toStatus } from '@/lib/errors';
import { hostAllowlist } from '@/lib/security/allowed-hosts';
import { assertCredentialsLoad } from '@/lib/server/request-kube';

// Readiness: configuration (the auth mode and its secret, the allowed hosts) is valid and credentials load.
// Deliberately not "the API server answers": a pod taken out of rotation could not show users that their cluster
// is unreachable. Answered whatever the Host (lib/security/host-gate.ts): the kubelet probes by pod IP.
export const dynamic = 'force-dynamic';

export function GET() {
  try {
    env();
    authConfig();
    hostAllowlist();
    assertCredentialsLoad();
    return new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
  } catch (err) {
    const status = toStatus(err);
    return Response.json({ ...status, code: 503 }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
}

import 'server-only';
import { authConfig } from '@/lib/auth/config';
import { env } from '@/lib/env';
import { toStatus, type Status } from '@/lib/errors';
import { hostAllowlist } from '@/lib/security/allowed-hosts';
import { assertCredentialsLoad } from './request-kube';

export type Readiness = { ready: true } | { ready: false; status: Status };

/**
 * Readiness: configuration (the auth mode and its secret, the allowed hosts) is valid and credentials load.
 * Deliberately not "the API server answers": a pod taken out of rotation could not show users that their cluster
 * is unreachable. Answered on the main port (app/readyz/route.ts) and by the probe listener (probe-listener.ts).
 */
export function readiness(): Readiness {
  try {
    env();
    authConfig();
    hostAllowlist();
    assertCredentialsLoad();
    return { ready: true };
  } catch (err) {
    return { ready: false, status: { ...toStatus(err), code: 503 } };
  }
}

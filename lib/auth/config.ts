import 'server-only';
import { z } from 'zod';
import { AUTH_MODES, authEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

/**
 * Who may use the dashboard, and with whose credentials (docs/security.md):
 * - `local` (default): one user on their own machine; every call uses the kubeconfig, like `kubectl proxy`.
 * - `shared`: each user signs in at /signin with their own bearer token, kept in an encrypted cookie.
 * - `proxy-header`: an auth proxy in front (oauth2-proxy …) sends `Authorization: Bearer <token>` on every
 *   request. That header is trusted only in this mode; in the others it is ignored.
 * In both shared modes every Kubernetes call is made with the user's token, so the cluster's RBAC decides.
 */
export type AuthMode = (typeof AUTH_MODES)[number];

/** openssl rand -base64 48 gives 64 characters; 32 is the floor (≥ 192 bits from base64). */
const MIN_SECRET_LENGTH = 32;

export interface AuthConfig {
  mode: AuthMode;
  /** present (and long enough) whenever mode is `shared` */
  sessionSecret: string | undefined;
  sessionMaxAgeSeconds: number;
}

class AuthConfigError extends AppError {
  constructor(message: string) {
    super('ServiceUnavailable', 503, message, 'See docs/deploy.md, "Shared mode".');
  }
}

/**
 * Validates the auth variables (default: the process's); throws AuthConfigError with a message an operator can act on.
 * @internal exported for its unit tests
 */
export function parseAuthConfig(source?: Record<string, string | undefined>): AuthConfig {
  const parsed = authEnv(source);
  if (!parsed.success) {
    throw new AuthConfigError(`Invalid auth settings: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  }
  const { KD_AUTH_MODE: mode, KD_SESSION_SECRET: secret, KD_SESSION_MAX_AGE_SECONDS } = parsed.data;
  const usable = secret && secret.length >= MIN_SECRET_LENGTH ? secret : undefined;
  if (mode === 'shared' && !usable) {
    throw new AuthConfigError(
      `KD_AUTH_MODE=shared needs KD_SESSION_SECRET (at least ${MIN_SECRET_LENGTH} characters) to encrypt session cookies` +
        `${secret ? ' (the one set is too short)' : ''}. Create one with: ` +
        'kubectl -n kubelet-dashboard create secret generic kubelet-dashboard-session --from-literal=secret="$(openssl rand -base64 48)"',
    );
  }
  if (secret && !usable) {
    throw new AuthConfigError(`KD_SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters.`);
  }
  return { mode, sessionSecret: usable, sessionMaxAgeSeconds: KD_SESSION_MAX_AGE_SECONDS };
}

let cached: AuthConfig | undefined;

/** The process's auth settings, validated on first use (instrumentation.ts calls it at startup to fail fast). */
export function authConfig(): AuthConfig {
  cached ??= parseAuthConfig();
  return cached;
}

export const authMode = (): AuthMode => authConfig().mode;

/**
 * Tests switch modes between cases.
 * @internal for tests
 */
export function resetAuthConfigForTests(): void {
  cached = undefined;
}

/**
 * The context switcher exists in local mode (the kubeconfig's contexts) and in shared mode (the dashboard's cluster
 * and the clusters the user added to the session); behind an auth proxy the dashboard serves one cluster.
 */
export function assertContextSwitchAllowed(): void {
  if (authMode() === 'proxy-header') {
    throw new AppError('Forbidden', 403, 'This dashboard serves one cluster; its context cannot be switched.');
  }
}

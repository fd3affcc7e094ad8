import 'server-only';
import { cookies, headers } from 'next/headers';
import { BEARER_TOKEN_RE, MAX_TOKEN_LENGTH } from '@/lib/api/auth';
import { AppError } from '@/lib/errors';
import { authConfig, type AuthMode } from './config';
import { openSession, SESSION_COOKIE, type Session } from './session';

/** Who is asking, in the shared modes: their token, and their name when we know it. Never sent to the browser whole. */
export interface RequestIdentity {
  mode: Exclude<AuthMode, 'local'>;
  token: string;
  /** shared mode: what the cluster said at sign-in; proxy-header: unknown until asked */
  user?: string;
  groups?: string[];
  expiresAt?: number;
}

export class SignInRequiredError extends AppError {
  constructor(
    message = 'Sign in to use the dashboard.',
    hint = 'Open /signin and paste your Kubernetes bearer token.',
  ) {
    super('SignInRequired', 401, message, hint);
  }
}

/**
 * The token in an `Authorization: Bearer …` header, or undefined.
 * @internal exported for its unit tests
 */
export function bearerToken(header: string | null): string | undefined {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  const token = m?.[1];
  return token && token.length <= MAX_TOKEN_LENGTH && BEARER_TOKEN_RE.test(token) ? token : undefined;
}

/** The signed-in session of this request (shared mode), or undefined. */
export async function currentSession(now = new Date()): Promise<Session | undefined> {
  const { mode, sessionSecret } = authConfig();
  if (mode !== 'shared' || !sessionSecret) return undefined;
  return openSession((await cookies()).get(SESSION_COOKIE)?.value, sessionSecret, now);
}

/**
 * The identity of this request in the shared modes. `shared`: the session cookie (a missing, forged or expired
 * one is a 401 SignInRequired). `proxy-header`: the Authorization header the auth proxy set. Never called in
 * local mode, where the kubeconfig's credentials are used and an Authorization header means nothing.
 */
export async function requireIdentity(): Promise<RequestIdentity> {
  const { mode } = authConfig();
  if (mode === 'shared') {
    const s = await currentSession();
    if (!s) throw new SignInRequiredError();
    return { mode, token: s.token, user: s.user, groups: s.groups, expiresAt: s.expiresAt };
  }
  if (mode === 'proxy-header') {
    const token = bearerToken((await headers()).get('authorization'));
    if (!token) {
      throw new SignInRequiredError(
        'No bearer token from the auth proxy.',
        'KD_AUTH_MODE=proxy-header expects the proxy in front (e.g. oauth2-proxy --pass-authorization-header) to send Authorization: Bearer <token>.',
      );
    }
    return { mode, token };
  }
  throw new AppError('InternalError', 500, 'requireIdentity called in local mode');
}

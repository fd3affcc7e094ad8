import 'server-only';
import { type SignInResponse } from '@/lib/api/auth';
import { AppError } from '@/lib/errors';
import { forgetUserKube, userKube } from '@/lib/k8s/client';
import { reviewSelf } from '@/lib/k8s/self-review';
import { log } from '@/lib/observability/log';
import { authConfig } from './config';
import { currentSession, SignInRequiredError } from './identity';
import { CLEAR_SESSION_COOKIE, MAX_SESSION_COOKIE_BYTES, sealSession, sessionCookie } from './session';

/**
 * Checks the token with the cluster (SelfSubjectReview, lib/k8s/self-review.ts) and seals it into the session
 * cookie. Only in shared mode: in local mode the kubeconfig is used, and behind an auth proxy the proxy signs in.
 * A token the cluster rejects is a 401 with a message for the form; nothing is stored.
 */
export async function signIn(
  req: Request,
  token: string,
  now = new Date(),
): Promise<{ body: SignInResponse; cookie: string }> {
  const { mode, sessionSecret, sessionMaxAgeSeconds } = authConfig();
  if (mode !== 'shared' || !sessionSecret) {
    throw new AppError('BadRequest', 400, `Sign-in is only used in shared mode (this server runs in ${mode} mode).`);
  }
  const kube = userKube(token);
  let who;
  try {
    who = await reviewSelf(kube);
  } catch (err) {
    forgetUserKube(token);
    if (err instanceof AppError && err.code === 401) {
      log.info({ event: 'signin', outcome: 'rejected' }, 'sign-in refused: the cluster rejected the token');
      throw new SignInRequiredError(
        'The cluster rejected this token: it is invalid or has expired.',
        'Paste a current token (e.g. kubectl create token <serviceaccount>, or your OIDC id-token).',
      );
    }
    throw err;
  }
  const sealed = await sealSession({ token, ...who }, sessionSecret, sessionMaxAgeSeconds, now);
  if (sealed.length > MAX_SESSION_COOKIE_BYTES) {
    forgetUserKube(token);
    throw new AppError(
      'Invalid',
      422,
      'This token is too long to keep in a browser cookie.',
      'Use an auth proxy in front (KD_AUTH_MODE=proxy-header) for very large tokens.',
    );
  }
  log.info({ event: 'signin', outcome: 'ok', user: who.user, verifiedBy: who.verifiedBy }, `signed in: ${who.user}`);
  const expiresAt = Math.floor(now.getTime() / 1000) + sessionMaxAgeSeconds;
  return { body: { ...who, expiresAt }, cookie: sessionCookie(sealed, req, sessionMaxAgeSeconds) };
}

/** Ends the session: the cookie is cleared and this process forgets the user's Kube (and with it the token). */
export async function signOut(): Promise<{ cookie: string }> {
  const session = await currentSession();
  if (session) {
    forgetUserKube(session.token);
    log.info({ event: 'signout', user: session.user }, `signed out: ${session.user}`);
  }
  return { cookie: CLEAR_SESSION_COOKIE };
}

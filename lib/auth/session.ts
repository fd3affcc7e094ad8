import 'server-only';
import { hkdfSync, randomBytes } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';
import { cookieIsSecure } from '@/lib/security/request-protocol';

/**
 * The shared-mode session: the user's bearer token and who the cluster said they are, sealed into a cookie
 * as a JWE (`dir` + A256GCM, via jose) so it is encrypted and tamper-evident. The cookie is HttpOnly, so page
 * JavaScript never sees the token; the server opens it on each request and uses the token for that request only.
 * Nothing is stored server-side, so replicas need only the same KD_SESSION_SECRET.
 */
export const SESSION_COOKIE = 'kd_session';

/** Browsers keep cookies up to 4096 bytes (name + value + attributes); leave room for the attributes. */
export const MAX_SESSION_COOKIE_BYTES = 3800;

/** A verified token and who the cluster says it is: the claims every session cookie carries (cluster-cookie.ts too). */
export const VerifiedTokenClaimsSchema = z.object({
  tok: z.string().min(1),
  usr: z.string(),
  grp: z.array(z.string()),
  /** how the token was checked */
  via: z.enum(['SelfSubjectReview', 'SelfSubjectAccessReview']),
  iat: z.number(),
  exp: z.number(),
});

const SessionClaimsSchema = VerifiedTokenClaimsSchema.extend({
  /** random id of this sign-in: the clusters added to the session are bound to it (cluster-cookie.ts) */
  sid: z.string().min(16),
});

export interface Session {
  /** random per sign-in; never the token or derived from it */
  id: string;
  token: string;
  user: string;
  groups: string[];
  verifiedBy: 'SelfSubjectReview' | 'SelfSubjectAccessReview';
  /** seconds since the epoch */
  issuedAt: number;
  expiresAt: number;
}

/**
 * Cookie keys are derived (HKDF-SHA256) so they are never the same bytes as the CSRF HMAC key, nor as each other:
 * a session cookie cannot be opened as a cluster cookie (cluster-cookie.ts) or the other way round.
 */
export function cookieKey(secret: string, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, 'kubelet-dashboard', purpose, 32));
}
const sessionKey = (secret: string) => cookieKey(secret, 'session cookie v1 (A256GCM)');

export async function sealSession(
  s: Pick<Session, 'token' | 'user' | 'groups' | 'verifiedBy'>,
  secret: string,
  maxAgeSeconds: number,
  now: Date,
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new EncryptJWT({
    sid: randomBytes(18).toString('base64url'),
    tok: s.token,
    usr: s.user,
    grp: s.groups,
    via: s.verifiedBy,
  })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', typ: 'kd-session' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + maxAgeSeconds)
    .encrypt(sessionKey(secret));
}

/**
 * The session in a cookie value, or undefined when it is absent, forged, sealed with another secret,
 * malformed or expired: every failure looks the same to the caller (sign in again).
 */
export async function openSession(value: string | undefined, secret: string, now: Date): Promise<Session | undefined> {
  if (!value || value.length > MAX_SESSION_COOKIE_BYTES) return undefined;
  try {
    const { payload } = await jwtDecrypt(value, sessionKey(secret), {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
      typ: 'kd-session',
      currentDate: now,
    });
    const c = SessionClaimsSchema.parse(payload);
    return {
      id: c.sid,
      token: c.tok,
      user: c.usr,
      groups: c.grp,
      verifiedBy: c.via,
      issuedAt: c.iat,
      expiresAt: c.exp,
    };
  } catch {
    return undefined;
  }
}

/** Set-Cookie for a sealed session: HttpOnly, SameSite=Strict, Path=/, Secure (lib/security/request-protocol.ts). */
export function sessionCookie(sealed: string, req: Request, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${sealed}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${cookieIsSecure(req) ? '; Secure' : ''}`;
}

/**
 * Set-Cookie that removes the session. Without Secure on purpose: a secure origin may still overwrite a
 * Secure cookie with it, and on loopback http the cookie was never Secure.
 */
export const CLEAR_SESSION_COOKIE = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;

import 'server-only';
import { createHash } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';
import { cookieIsSecure } from '@/lib/security/request-protocol';
import { cookieKey, MAX_SESSION_COOKIE_BYTES, VerifiedTokenClaimsSchema, type Session } from './session';

/**
 * A cluster added to a shared-mode session: the user's token for it and who that cluster said they are, sealed
 * (JWE `dir` + A256GCM, a key of its own) into one cookie per cluster. Why cookies and one per cluster: the
 * session stays stateless (replicas need only KD_SESSION_SECRET, a restart loses nothing), and a browser keeps a
 * cookie up to ~4 KB, which one token fits and several may not. Each cookie is bound to the sign-in that added it
 * (the session's random id): after sign-out or another sign-in it opens as nothing, and it is never valid on its
 * own. Like the session cookie it is HttpOnly and SameSite=Strict, so page JavaScript never sees the token.
 */
const PREFIX = 'kd_cluster_';

/**
 * Cookies of all kinds share one request header: Node refuses requests whose headers exceed 16 KiB (431), and
 * nginx (ingress-nginx's default `large-client-header-buffers 4 8k`) one header line over 8 KiB (400). Session
 * and cluster cookies together stay under this, leaving room for the CSRF, context and theme cookies.
 */
export const MAX_SESSION_COOKIES_BYTES = 7000;
/** At most this many added clusters per session, whatever their size (a UI and a cookie jar stay readable). */
export const MAX_SESSION_CLUSTERS = 4;

const Claims = VerifiedTokenClaimsSchema.extend({
  sid: z.string(),
  cls: z.string(),
  srv: z.string(),
});

export interface ClusterGrant {
  cluster: string;
  /** the server the token was verified against: an operator moving the entry elsewhere voids it */
  server: string;
  token: string;
  user: string;
  groups: string[];
  verifiedBy: 'SelfSubjectReview' | 'SelfSubjectAccessReview';
  /** seconds since the epoch */
  addedAt: number;
  expiresAt: number;
}

const key = (secret: string) => cookieKey(secret, 'session cluster cookie v1 (A256GCM)');

/** The cookie's name for a cluster: a hash, as cluster names may hold characters a cookie name may not (ARNs). */
export const clusterCookieName = (cluster: string) =>
  `${PREFIX}${createHash('sha256').update(cluster).digest('hex').slice(0, 20)}`;

export const isClusterCookie = (name: string) => name.startsWith(PREFIX);

/** Seals a grant for `session`; it expires with the session. */
export function sealClusterGrant(
  g: Omit<ClusterGrant, 'addedAt' | 'expiresAt'>,
  session: Pick<Session, 'id' | 'expiresAt'>,
  secret: string,
  now: Date,
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new EncryptJWT({
    sid: session.id,
    cls: g.cluster,
    srv: g.server,
    tok: g.token,
    usr: g.user,
    grp: g.groups,
    via: g.verifiedBy,
  })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', typ: 'kd-cluster' })
    .setIssuedAt(iat)
    .setExpirationTime(session.expiresAt)
    .encrypt(key(secret));
}

/**
 * The grant in cookie `name`, or undefined when it is forged, expired, of another sign-in, filed under another
 * cluster's cookie name, or sealed with another secret: every failure is "not added".
 */
export async function openClusterGrant(
  name: string,
  value: string | undefined,
  session: Pick<Session, 'id'>,
  secret: string,
  now: Date,
): Promise<ClusterGrant | undefined> {
  if (!value || value.length > MAX_SESSION_COOKIE_BYTES) return undefined;
  try {
    const { payload } = await jwtDecrypt(value, key(secret), {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
      typ: 'kd-cluster',
      currentDate: now,
    });
    const c = Claims.parse(payload);
    if (c.sid !== session.id || clusterCookieName(c.cls) !== name) return undefined;
    return {
      cluster: c.cls,
      server: c.srv,
      token: c.tok,
      user: c.usr,
      groups: c.grp,
      verifiedBy: c.via,
      addedAt: c.iat,
      expiresAt: c.exp,
    };
  } catch {
    return undefined;
  }
}

/** Set-Cookie for a grant: as the session cookie, expiring with it. */
export function clusterCookie(cluster: string, sealed: string, req: Request, expiresAt: number, now: Date): string {
  const maxAge = Math.max(0, expiresAt - Math.floor(now.getTime() / 1000));
  return `${clusterCookieName(cluster)}=${sealed}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${cookieIsSecure(req) ? '; Secure' : ''}`;
}

/** Set-Cookie that removes cookie `name` (without Secure on purpose, as CLEAR_SESSION_COOKIE). */
export const clearCookie = (name: string) => `${name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;

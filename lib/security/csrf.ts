import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { authEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

/**
 * CSRF protection for every mutating route: a signed double-submit token (OWASP CSRF Prevention Cheat Sheet,
 * "Signed Double-Submit Cookie"). `GET /api/csrf` sets the token in a SameSite=Strict, HttpOnly cookie and returns
 * it in the body; the browser echoes it in the `x-csrf-token` header. A mutation passes only when header and cookie
 * are equal and the token's HMAC verifies, so a token planted by a sibling subdomain (cookie tossing) is refused.
 * Use with `assertSameOrigin()` from `./same-origin`.
 * @internal exported for its unit tests
 */
export const CSRF_HEADER = 'x-csrf-token';
/** @internal exported for its unit tests */
export const CSRF_COOKIE = 'kd_csrf';

/** @internal exported for its unit tests */
export class CsrfError extends AppError {
  constructor(message: string) {
    super('Forbidden', 403, message, 'Reload the page to get a fresh CSRF token.');
  }
}

const SecretSchema = z.string().min(32, 'KD_SESSION_SECRET must be at least 32 characters').optional();

export interface Csrf {
  /** a new token and the Set-Cookie header value that carries it */
  issue(secure: boolean): { token: string; cookie: string };
  /** throws CsrfError unless the request carries a valid token in both header and cookie */
  verify(req: Request): void;
}

function b64url(buf: Buffer): string {
  return buf.toString('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

/**
 * A CSRF issuer/verifier keyed by `secret` (tests pass their own; the app uses `csrf` below).
 * @internal exported for its unit tests
 */
export function createCsrf(secret: string | Buffer): Csrf {
  const sign = (nonce: string) => b64url(createHmac('sha256', secret).update(`kd-csrf:${nonce}`).digest());
  return {
    issue(secure) {
      const nonce = b64url(randomBytes(18));
      const token = `${nonce}.${sign(nonce)}`;
      const cookie = `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
      return { token, cookie };
    },
    verify(req) {
      const header = req.headers.get(CSRF_HEADER);
      const cookie = readCookie(req.headers.get('cookie'), CSRF_COOKIE);
      if (!header) throw new CsrfError(`Missing ${CSRF_HEADER} header.`);
      if (!cookie) throw new CsrfError('Missing CSRF cookie.');
      if (!safeEqual(header, cookie)) throw new CsrfError('CSRF token does not match its cookie.');
      const [nonce, mac, ...rest] = header.split('.');
      if (!nonce || !mac || rest.length) throw new CsrfError('Malformed CSRF token.');
      if (!safeEqual(mac, sign(nonce))) throw new CsrfError('CSRF token signature is invalid.');
    },
  };
}

/**
 * The process-wide instance: keyed by `KD_SESSION_SECRET` when set (so several replicas agree), otherwise by a
 * random per-process secret (tokens then expire with the process, which only costs a page reload).
 */
export const csrf: Csrf = createCsrf(
  SecretSchema.parse(authEnv().data?.KD_SESSION_SECRET || undefined) ?? randomBytes(32),
);

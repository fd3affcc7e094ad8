import { AppError } from '@/lib/app-error';
import type { CsrTokenResponse } from '@/lib/api/csr-session';
import { fetchJson, type Decoder } from './fetch-json';
import { ownAnswer } from './own-answer';

/**
 * The browser side of lib/security/csrf.ts: fetches a token from GET /api/csrf once per page session and sends
 * it as `x-csrf-token` on every mutation. A 403 from the CSRF guard (the server restarted and lost its secret)
 * gets a fresh token and one more try: the guard refused before anything was written, so this can't double-write.
 */
let token: Promise<string> | undefined;

const CsrTokenAnswer = ownAnswer<CsrTokenResponse>('a CSRF token', (b) => typeof b.token === 'string');

function csrfToken(fresh = false): Promise<string> {
  if (fresh || !token) {
    token = fetchJson('/api/csrf', CsrTokenAnswer, { cache: 'no-store' }).then((r) => r.token);
    token.catch(() => (token = undefined));
  }
  return token;
}

const isCsrfRefusal = (err: unknown) => err instanceof AppError && err.code === 403 && /CSRF/.test(err.message);

/** Sends JSON with the CSRF header (POST, or DELETE with a body) and decodes the answer like fetchJson. */
async function sendJson<T>(method: 'POST' | 'DELETE', url: string, body: unknown, schema: Decoder<T>): Promise<T> {
  const send = async (fresh: boolean) =>
    fetchJson(url, schema, {
      method,
      headers: { 'content-type': 'application/json', 'x-csrf-token': await csrfToken(fresh) },
      body: JSON.stringify(body),
    });
  try {
    return await send(false);
  } catch (err) {
    if (isCsrfRefusal(err)) return send(true);
    throw err;
  }
}

/** POSTs JSON with the CSRF header and decodes the answer like fetchJson. */
export const postJson = <T>(url: string, body: unknown, schema: Decoder<T>) => sendJson('POST', url, body, schema);

/** DELETE with a JSON body and the CSRF header, decoded like fetchJson. */
export const deleteJson = <T>(url: string, body: unknown, schema: Decoder<T>) => sendJson('DELETE', url, body, schema);

import { AppError } from '@/lib/errors';
import { CsrTokenResponseSchema } from '@/lib/api/csr-session';
import { fetchJson } from './fetch-json';

/**
 * The browser side of lib/security/csrf.ts: fetches a token from GET /api/csrf once per page session and sends
 * it as `x-csrf-token` on every mutation. A 403 from the CSRF guard (the server restarted and lost its secret)
 * gets a fresh token and one more try: the guard refused before anything was written, so this can't double-write.
 */
let token: Promise<string> | undefined;

function csrfToken(fresh = false): Promise<string> {
  if (fresh || !token) {
    token = fetchJson('/api/csrf', CsrTokenResponseSchema, { cache: 'no-store' }).then((r) => r.token);
    token.catch(() => (token = undefined));
  }
  return token;
}

const isCsrfRefusal = (err: unknown) => err instanceof AppError && err.code === 403 && /CSRF/.test(err.message);

/** Sends JSON with the CSRF header (POST, or DELETE with a body) and validates the answer like fetchJson. */
async function sendJson<T extends Parameters<typeof fetchJson>[1]>(
  method: 'POST' | 'DELETE',
  url: string,
  body: unknown,
  schema: T,
) {
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

/** POSTs JSON with the CSRF header and validates the answer like fetchJson. */
export const postJson = <T extends Parameters<typeof fetchJson>[1]>(url: string, body: unknown, schema: T) =>
  sendJson('POST', url, body, schema);

/** DELETE with a JSON body and the CSRF header, validated like fetchJson. */
export const deleteJson = <T extends Parameters<typeof fetchJson>[1]>(url: string, body: unknown, schema: T) =>
  sendJson('DELETE', url, body, schema);

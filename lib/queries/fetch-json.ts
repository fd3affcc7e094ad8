import { AppError, fromStatus, isStatus } from '@/lib/app-error';

/**
 * The one way the browser reads our API: GETs `url`, turns a Status body into the AppError the server threw, and
 * hands a successful body to `decode`. A body `decode` rejects (throws) is a MalformedResponse, never trusted.
 */
export async function fetchDecoded<T>(
  url: string,
  decode: (body: unknown) => T,
  init?: RequestInit & { signal?: AbortSignal },
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new AppError('ServiceUnavailable', 503, 'The dashboard server could not be reached.');
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    if (isStatus(body)) throw fromStatus(body);
    if (res.status === 401) throw new AppError('Unauthorized', 401, 'Your session has expired: sign in again.');
    throw new AppError('InternalError', res.status, `The dashboard server answered ${res.status}.`);
  }
  try {
    return decode(body);
  } catch {
    throw new AppError('MalformedResponse', 502, `Unexpected response from ${url}.`);
  }
}

/** What turns a body into a T or throws: a zod schema (full or mini), or an ownAnswer (./own-answer.ts). */
export interface Decoder<T> {
  parse(body: unknown): T;
}

/**
 * fetchDecoded with a zod schema (full or mini; both have `parse`) as the decoder. Taken as any `parse`, so this
 * module imports no validator: pages whose queries need none (the node list) do not load one.
 */
export function fetchJson<T>(
  url: string,
  schema: Decoder<T>,
  init?: RequestInit & { signal?: AbortSignal },
): Promise<T> {
  return fetchDecoded(url, (body) => schema.parse(body), init);
}

import * as z from '@/lib/zod-mini';
import { AppError, StatusSchema, fromStatus } from '@/lib/errors';

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
    const status = StatusSchema.safeParse(body);
    if (status.success) throw fromStatus(status.data);
    if (res.status === 401) throw new AppError('Unauthorized', 401, 'Your session has expired: sign in again.');
    throw new AppError('InternalError', res.status, `The dashboard server answered ${res.status}.`);
  }
  try {
    return decode(body);
  } catch {
    throw new AppError('MalformedResponse', 502, `Unexpected response from ${url}.`);
  }
}

/** fetchDecoded with a zod schema (full or mini) as the decoder. */
export function fetchJson<T extends z.$ZodType>(
  url: string,
  schema: T,
  init?: RequestInit & { signal?: AbortSignal },
): Promise<z.output<T>> {
  return fetchDecoded(url, (body) => z.parse(schema, body), init);
}

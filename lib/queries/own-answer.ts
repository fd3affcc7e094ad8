import type { Decoder } from './fetch-json';

/**
 * A decoder for an answer of this dashboard's own API that the browser does not re-validate field by field
 * (issue 20: "the browser validates nothing it does not need to"). The server validated what it read from the
 * cluster (lib/k8s) and TypeScript checks that both ends share one wire type (lib/api); what can still arrive is a
 * body of another shape entirely: a proxy's error page, an older or newer server during a rollout. `looksRight`
 * checks the fields that tell this answer apart, so such a body throws (fetchDecoded then reports a
 * MalformedResponse) instead of rendering from garbage.
 *
 * Shaped like a zod schema (`parse`), so fetchJson and postJson take either.
 */
export function ownAnswer<T>(
  what: string,
  looksRight: (body: Readonly<Record<string, unknown>>) => boolean,
): Decoder<T> {
  return {
    parse(body) {
      if (
        typeof body !== 'object' ||
        body === null ||
        Array.isArray(body) ||
        !looksRight(body as Record<string, unknown>)
      )
        throw new TypeError(`not ${what}`);
      return body as T;
    },
  };
}

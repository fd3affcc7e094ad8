/**
 * Continue tokens shaped like the apiserver's (base64 of {"v":"meta.k8s.io/v1","rv":N,"start":"key\u0000"}),
 * opaque to clients. Lists are ordered by key (namespace/name), so a token resumes after its key.
 */
import { z } from 'zod';
import { badRequest } from './status';

const TokenSchema = z.object({ v: z.literal('meta.k8s.io/v1'), rv: z.number().int().nonnegative(), start: z.string() });

export interface ContinueToken {
  rv: number;
  /** first key to return (inclusive) */
  start: string;
}

export function encodeContinue(rv: number, lastKey: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start: `${lastKey}\u0000` })).toString('base64url');
}

export function decodeContinue(token: string): ContinueToken {
  try {
    const parsed = TokenSchema.parse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return { rv: parsed.rv, start: parsed.start };
  } catch {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}

/** Index of the first key >= start in a sorted array. */
export function lowerBound(sorted: readonly string[], start: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function parseLimit(raw: string | null): number {
  if (raw === null || raw === '') return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`invalid limit: ${raw}`);
  return n;
}

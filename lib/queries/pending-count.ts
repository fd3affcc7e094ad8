import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PendingCountResponse } from '@/lib/api/csr-session';
import { fetchJson } from './fetch-json';
import { csrKeys } from './keys';
import { ownAnswer } from './own-answer';

const PendingCountAnswer = ownAnswer<PendingCountResponse>(
  'a pending CSR count',
  (b) => typeof b.pending === 'number' && typeof b.context === 'string',
);

/**
 * The nav badge: pending count only, refreshed every 30 s (the list page's watch also invalidates it). Apart
 * from lib/queries/csrs.ts so every page's header loads only the small schema (see lib/api/csr-session.ts).
 */
export const pendingCountOptions = (ctx: string) =>
  queryOptions({
    queryKey: csrKeys.pendingCount(ctx),
    queryFn: ({ signal }) => fetchJson('/api/csrs/pending-count', PendingCountAnswer, { signal }),
    refetchInterval: 30_000,
  });

export function usePendingCount(ctx: string | undefined) {
  return useQuery({ ...pendingCountOptions(ctx ?? ''), enabled: ctx !== undefined });
}

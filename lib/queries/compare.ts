import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { CompareResponseSchema } from '@/lib/api/compare';
import { fetchJson } from './fetch-json';
import { compareKeys } from './keys';

/**
 * GET /api/compare. Not polled: reading configz from every kubelet is the expensive part, and drift changes
 * when someone restarts a kubelet, not every few seconds. Kept fresh for a minute; "Refresh" refetches.
 */
const compareOptions = (ctx: string, qs: string) =>
  queryOptions({
    queryKey: compareKeys.view(ctx, qs),
    queryFn: ({ signal }) => fetchJson(`/api/compare${qs ? `?${qs}` : ''}`, CompareResponseSchema, { signal }),
    staleTime: 60_000,
  });

/** The comparison for the current URL; keeps showing the previous result while a changed view loads. */
export function useCompare(ctx: string | undefined, qs: string) {
  return useQuery({ ...compareOptions(ctx ?? '', qs), enabled: ctx !== undefined, placeholderData: keepPreviousData });
}

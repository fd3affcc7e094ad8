import { queryOptions, useQuery } from '@tanstack/react-query';
import { NodeHistorySchema } from '@/lib/api/node-history';
import { fetchJson } from './fetch-json';
import { nodeKeys } from './keys';

/**
 * The node's server-kept signal history (GET /api/nodes/[name]/history), read when the page opens: the
 * page's own Summary polls extend it from there (useSignalHistory), so it is never refetched on an interval.
 */
const nodeHistoryOptions = (ctx: string, name: string) =>
  queryOptions({
    queryKey: nodeKeys.history(ctx, name),
    queryFn: ({ signal }) => fetchJson(`/api/nodes/${encodeURIComponent(name)}/history`, NodeHistorySchema, { signal }),
    staleTime: 0, // every visit starts from what the server has now
    refetchOnWindowFocus: false,
  });

export function useNodeHistory(ctx: string | undefined, name: string) {
  return useQuery({ ...nodeHistoryOptions(ctx ?? '', name), enabled: ctx !== undefined });
}

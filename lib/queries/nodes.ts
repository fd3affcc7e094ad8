import { queryOptions, useQuery } from '@tanstack/react-query';
import { NodeListResponseSchema } from '@/lib/api/nodes';
import { fetchJson } from './fetch-json';
import { nodeKeys } from './keys';

/**
 * The node list auto-refreshes every 10 s: fast enough to see a node go NotReady within a
 * node-monitor-grace-period (40 s by default), cheap enough for a 5,000-node fleet (one list call plus
 * metrics and pods on the server). Refreshing pauses while the tab is hidden (TanStack's default).
 */
const NODE_LIST_REFRESH_MS = 10_000;

/** GET /api/nodes for kube context `ctx` (the key carries the context; the server answers for its current one). */
export const nodeListOptions = (ctx: string) =>
  queryOptions({
    queryKey: nodeKeys.list(ctx),
    queryFn: ({ signal }) => fetchJson('/api/nodes', NodeListResponseSchema, { signal }),
    refetchInterval: NODE_LIST_REFRESH_MS,
  });

/** The node list of `ctx`; waits (no request) until the current context is known. */
export function useNodeList(ctx: string | undefined) {
  return useQuery({ ...nodeListOptions(ctx ?? ''), enabled: ctx !== undefined });
}

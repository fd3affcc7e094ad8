import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NodeListResponse } from '@/lib/api/nodes';
import { decodeNodeList } from '@/lib/api/nodes-wire';
import { fetchDecoded } from './fetch-json';
import { nodeKeys } from './keys';

/**
 * The node list auto-refreshes every 10 s: fast enough to see a node go NotReady within a
 * node-monitor-grace-period (40 s by default), cheap enough for a 5,000-node fleet (one list call plus
 * metrics and pods on the server). Refreshing pauses while the tab is hidden (TanStack's default).
 */
const NODE_LIST_REFRESH_MS = 10_000;
/**
 * While the server answered without pod totals or metrics because they were still loading (a cold server: the
 * first pods LIST of a 150,000-pod cluster takes seconds), ask again soon rather than in 10 s.
 */
const STILL_LOADING_REFRESH_MS = 1_000;

/** Whether part of the answer was still loading on the server (then the page says so and refreshes soon). */
const stillLoading = (d: Pick<NodeListResponse, 'metrics' | 'pods'>) =>
  [d.metrics, d.pods].some((p) => !p.available && p.reason === 'Loading');

/**
 * GET /api/nodes for kube context `ctx` (the key carries the context; the server answers for its current one).
 * The body is our server's compact shape (lib/api/nodes-wire.ts), decoded without a schema: the server validated
 * what it read from the cluster, and a zod pass over 5,000 rows cost the browser time and bundle for nothing.
 */
export const nodeListOptions = (ctx: string) =>
  queryOptions({
    queryKey: nodeKeys.list(ctx),
    queryFn: ({ signal }) => fetchDecoded('/api/nodes', decodeNodeList, { signal }),
    refetchInterval: (q) => {
      const d = q.state.data;
      return d && stillLoading(d) ? STILL_LOADING_REFRESH_MS : NODE_LIST_REFRESH_MS;
    },
  });

/** The node list of `ctx`; waits (no request) until the current context is known. */
export function useNodeList(ctx: string | undefined) {
  return useQuery({ ...nodeListOptions(ctx ?? ''), enabled: ctx !== undefined });
}

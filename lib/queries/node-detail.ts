import { queryOptions, useQuery } from '@tanstack/react-query';
import { ConfigzSchema, SummarySchema } from '@/lib/api/kubelet';
import { NodeDetailSchema, NodePodsResponseSchema } from '@/lib/api/node-detail';
import { queryMayRetry } from '@/lib/errors';
import { fetchJson } from './fetch-json';
import { nodeKeys } from './keys';

/**
 * Queries of the node detail page. Every panel has its own query so one failing kubelet endpoint (configz
 * forbidden, summary malformed) never takes the others down. Keys sit under nodeKeys.detail, so invalidating the
 * node refreshes all of them.
 */

/** How often each part refreshes; data older than its interval (plus slack) is marked stale. */
export const NODE_DETAIL_REFRESH_MS = { node: 10_000, configz: 60_000, summary: 10_000, pods: 15_000 } as const;

/**
 * Kubelet reads go through the apiserver's node proxy; an unreachable or hung kubelet already cost a full timeout,
 * so one retry is enough before the panel says what is wrong.
 */
const kubeletRetry = (failureCount: number, err: unknown) => failureCount < 1 && queryMayRetry(err);

const base = (name: string) => `/api/nodes/${encodeURIComponent(name)}`;

export const nodeObjectOptions = (ctx: string, name: string) =>
  queryOptions({
    queryKey: nodeKeys.object(ctx, name),
    queryFn: ({ signal }) => fetchJson(base(name), NodeDetailSchema, { signal }),
    refetchInterval: NODE_DETAIL_REFRESH_MS.node,
  });

export const nodeConfigzOptions = (ctx: string, name: string) =>
  queryOptions({
    queryKey: nodeKeys.configz(ctx, name),
    queryFn: ({ signal }) => fetchJson(`${base(name)}/configz`, ConfigzSchema, { signal }),
    refetchInterval: NODE_DETAIL_REFRESH_MS.configz,
    retry: kubeletRetry,
  });

export const nodeSummaryOptions = (ctx: string, name: string) =>
  queryOptions({
    queryKey: nodeKeys.summary(ctx, name),
    queryFn: ({ signal }) => fetchJson(`${base(name)}/summary`, SummarySchema, { signal }),
    refetchInterval: NODE_DETAIL_REFRESH_MS.summary,
    retry: kubeletRetry,
  });

export const nodePodsOptions = (ctx: string, name: string) =>
  queryOptions({
    queryKey: nodeKeys.pods(ctx, name),
    queryFn: ({ signal }) => fetchJson(`${base(name)}/pods`, NodePodsResponseSchema, { signal }),
    refetchInterval: NODE_DETAIL_REFRESH_MS.pods,
  });

/** The four queries of one node; each waits until the context is known. */
export function useNodeDetailQueries(ctx: string | undefined, name: string) {
  const enabled = ctx !== undefined;
  const c = ctx ?? '';
  return {
    node: useQuery({ ...nodeObjectOptions(c, name), enabled }),
    configz: useQuery({ ...nodeConfigzOptions(c, name), enabled }),
    summary: useQuery({ ...nodeSummaryOptions(c, name), enabled }),
    pods: useQuery({ ...nodePodsOptions(c, name), enabled }),
  };
}

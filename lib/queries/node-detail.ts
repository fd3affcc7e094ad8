import { useCallback } from 'react';
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ConfigzReadSchema, SummaryReadSchema } from '@/lib/api/kubelet';
import { NodeReadSchema, PodsReadSchema } from '@/lib/api/node-detail';
import { queryMayRetry } from '@/lib/app-error';
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
    queryFn: ({ signal }) => fetchJson(base(name), NodeReadSchema, { signal }),
    refetchInterval: NODE_DETAIL_REFRESH_MS.node,
  });

export const nodeConfigzOptions = (ctx: string, name: string) =>
  queryOptions({
    queryKey: nodeKeys.configz(ctx, name),
    queryFn: ({ signal }) => fetchJson(`${base(name)}/configz`, ConfigzReadSchema, { signal }),
    refetchInterval: NODE_DETAIL_REFRESH_MS.configz,
    retry: kubeletRetry,
  });

export const nodeSummaryOptions = (ctx: string, name: string) =>
  queryOptions({
    queryKey: nodeKeys.summary(ctx, name),
    queryFn: ({ signal }) => fetchJson(`${base(name)}/summary`, SummaryReadSchema, { signal }),
    refetchInterval: NODE_DETAIL_REFRESH_MS.summary,
    retry: kubeletRetry,
  });

export const nodePodsOptions = (ctx: string, name: string) =>
  queryOptions({
    queryKey: nodeKeys.pods(ctx, name),
    queryFn: ({ signal }) => fetchJson(`${base(name)}/pods`, PodsReadSchema, { signal }),
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

/** The parts a node page reads, each its own query. */
export type NodePart = 'node' | 'configz' | 'summary' | 'pods';

/**
 * A refresh of each part, as a fetch of its query: kubelet reads ask the server to bypass its cache (`?fresh=1`);
 * the Node and its pods are read live on every request anyway.
 */
const fresh = { retry: false, staleTime: 0 } as const;
const FRESH_READS: Record<NodePart, (qc: QueryClient, ctx: string, name: string) => Promise<unknown>> = {
  node: (qc, ctx, name) => qc.fetchQuery({ ...nodeObjectOptions(ctx, name), ...fresh }),
  configz: (qc, ctx, name) =>
    qc.fetchQuery({
      ...nodeConfigzOptions(ctx, name),
      ...fresh,
      queryFn: ({ signal }) => fetchJson(`${base(name)}/configz?fresh=1`, ConfigzReadSchema, { signal }),
    }),
  summary: (qc, ctx, name) =>
    qc.fetchQuery({
      ...nodeSummaryOptions(ctx, name),
      ...fresh,
      queryFn: ({ signal }) => fetchJson(`${base(name)}/summary?fresh=1`, SummaryReadSchema, { signal }),
    }),
  pods: (qc, ctx, name) => qc.fetchQuery({ ...nodePodsOptions(ctx, name), ...fresh }),
};

const partKey: Record<NodePart, (ctx: string, name: string) => readonly unknown[]> = {
  node: nodeKeys.object,
  configz: nodeKeys.configz,
  summary: nodeKeys.summary,
  pods: nodeKeys.pods,
};

/** Refreshes in flight, per part: a second click (or a second panel sharing the part) joins the first. */
const refreshing = new Map<string, Promise<unknown>>();

/**
 * A panel's refresh button: re-reads just that panel's parts, bypassing the server's caches, and puts the answers
 * in the page's queries (a failure lands in the query's error, which the panel shows). Concurrent refreshes of the
 * same part share one request; the server coalesces across tabs and viewers too.
 */
export function useRefreshNodeParts(ctx: string | undefined, name: string) {
  const qc = useQueryClient();
  return useCallback(
    (parts: readonly NodePart[]) => {
      if (ctx === undefined) return Promise.resolve([]);
      return Promise.all(
        parts.map((part) => {
          const key = `${ctx}|${name}|${part}`;
          const running = refreshing.get(key);
          if (running) return running;
          const p = qc
            .cancelQueries({ queryKey: partKey[part](ctx, name) })
            .then(() => FRESH_READS[part](qc, ctx, name))
            .catch(() => undefined)
            .finally(() => refreshing.delete(key));
          refreshing.set(key, p);
          return p;
        }),
      );
    },
    [ctx, name, qc],
  );
}

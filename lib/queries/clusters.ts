import { experimental_streamedQuery as streamedQuery, queryOptions, useQuery } from '@tanstack/react-query';
import { ClusterEventSchema, type ClusterEvent, type ClusterRow } from '@/lib/api/clusters';
import { AppError, fromStatus, isStatus } from '@/lib/app-error';
import * as z from '@/lib/zod-mini';
import { clusterKeys } from './keys';

/** The overview as the browser holds it: rows in the server's order, filled in part by part. */
interface ClusterOverview {
  rows: ClusterRow[];
  deadlineMs: number | null;
  /** the server has answered for every context (or hit its deadline) */
  done: boolean;
}

const EMPTY: ClusterOverview = { rows: [], deadlineMs: null, done: false };

/**
 * Folds one event into the overview (pure).
 * @internal exported for tests
 */
export function applyClusterEvent(acc: ClusterOverview, e: ClusterEvent): ClusterOverview {
  switch (e.type) {
    case 'start':
      return {
        rows: e.contexts.map((c) => ({ context: c.name, server: c.server })),
        deadlineMs: e.deadlineMs,
        done: false,
      };
    case 'end':
      return { ...acc, done: true };
    default: {
      const { type, context } = e;
      const value = type === 'api' ? e.api : type === 'nodes' ? e.nodes : type === 'csrs' ? e.csrs : e.kubelets;
      return { ...acc, rows: acc.rows.map((r) => (r.context === context ? { ...r, [type]: value } : r)) };
    }
  }
}

/** GET /api/clusters as validated events, line by line as the server flushes them. */
async function* clusterEvents(contexts: readonly string[], signal: AbortSignal): AsyncGenerator<ClusterEvent> {
  const qs = contexts.length > 0 ? `?contexts=${encodeURIComponent(contexts.join(','))}` : '';
  let res: Response;
  try {
    res = await fetch(`/api/clusters${qs}`, { signal, headers: { accept: 'application/x-ndjson' } });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new AppError('ServiceUnavailable', 503, 'The dashboard server could not be reached.');
  }
  if (!res.ok || !res.body) {
    const status: unknown = await res.json().catch(() => undefined);
    if (isStatus(status)) throw fromStatus(status);
    throw new AppError('InternalError', res.status, `The dashboard server answered ${res.status}.`);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (!line.trim()) continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new AppError('MalformedResponse', 502, 'Unexpected response from /api/clusters.');
      }
      const parsed = z.safeParse(ClusterEventSchema, json);
      if (!parsed.success) throw new AppError('MalformedResponse', 502, 'Unexpected response from /api/clusters.');
      yield parsed.data;
    }
  }
}

const overviewOptions = (contexts: readonly string[]) =>
  queryOptions({
    queryKey: clusterKeys.overview(contexts),
    queryFn: streamedQuery({
      streamFn: ({ signal }) => clusterEvents(contexts, signal),
      reducer: applyClusterEvent,
      initialValue: EMPTY,
      // a refresh keeps the rows on screen and replaces them when the new answer is complete
      refetchMode: 'replace',
    }),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });

/** The fleet overview for `contexts` (empty = every context in the kubeconfig), streamed. */
export function useClusterOverview(contexts: readonly string[], enabled = true) {
  return useQuery({ ...overviewOptions(contexts), enabled });
}

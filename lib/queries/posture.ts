import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PostureReportWire } from '@/lib/api/posture';
import { fetchJson } from './fetch-json';
import { nodeListOptions } from './nodes';
import { postureKeys } from './keys';
import { ownAnswer } from './own-answer';

/** While kubelets are still being read, ask again this often; each answer adds the nodes that arrived. */
const POSTURE_PENDING_POLL_MS = 2000;
/** Posture changes when a kubelet restarts with a new config: refreshed every minute otherwise. */
const POSTURE_REFRESH_MS = 60_000;

/** Not re-validated in the browser (./own-answer.ts); the server's output is checked against PostureReportSchema in its tests. */
const PostureAnswer = ownAnswer<PostureReportWire>(
  'a posture report',
  (b) =>
    Array.isArray(b.checks) &&
    typeof b.totals === 'object' &&
    b.totals !== null &&
    typeof (b.totals as { pending?: unknown }).pending === 'number',
);

const pollWhilePending = (data: PostureReportWire | undefined) =>
  data && data.totals.pending > 0 ? POSTURE_PENDING_POLL_MS : POSTURE_REFRESH_MS;

/** The query string of a posture view (no leading "?"): view, check and selector, in a stable order. */
export function postureQuery(p: {
  view: 'summary' | 'nodes' | 'check' | 'full';
  check?: string;
  selector?: string;
}): string {
  const q = new URLSearchParams({ view: p.view });
  if (p.check) q.set('check', p.check);
  if (p.selector) q.set('selector', p.selector);
  return q.toString();
}

const postureOptions = (ctx: string, qs: string) =>
  queryOptions({
    queryKey: postureKeys.view(ctx, qs),
    queryFn: ({ signal }) => fetchJson(`/api/posture?${qs}`, PostureAnswer, { signal }),
    staleTime: 30_000,
    refetchInterval: (query) => pollWhilePending(query.state.data),
  });

/**
 * A posture view for the current context. Keeps the previous answer on screen while a changed view (another
 * selector, another check) loads, and polls every 2 s while some kubelets are still being read.
 */
export function usePosture(ctx: string | undefined, qs: string, o: { enabled?: boolean } = {}) {
  return useQuery({
    ...postureOptions(ctx ?? '', qs),
    enabled: ctx !== undefined && (o.enabled ?? true),
    placeholderData: keepPreviousData,
  });
}

/**
 * Node labels for the selector suggestions on /posture, asked only once the selector box is used: the full
 * node list of a 5,000-node fleet is megabytes the posture page does not otherwise need. Not polled.
 */
export function useSelectorNodes(ctx: string | undefined, wanted: boolean) {
  return useQuery({
    ...nodeListOptions(ctx ?? ''),
    enabled: ctx !== undefined && wanted,
    refetchInterval: false,
    staleTime: 60_000,
  });
}

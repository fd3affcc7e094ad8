import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  BulkApproveResponseSchema,
  CsrDetailResponseSchema,
  CsrListResponseSchema,
  DecisionResultSchema,
  type CsrDetailResponse,
  type CsrListResponse,
} from '@/lib/api/csrs';
import { postJson } from './csrf';
import { fetchJson } from './fetch-json';
import { csrKeys } from './keys';

/**
 * CSR queries. The list is kept live by the watch (GET /api/csrs/events, server-sent events), not by polling:
 * each event upserts one row; `ready` (a (re)connected watch) re-lists to cover anything missed. A slow
 * background refetch is the safety net if events can't flow (a proxy buffering SSE).
 */
export const csrListOptions = (ctx: string) =>
  queryOptions({
    queryKey: csrKeys.list(ctx),
    queryFn: ({ signal }) => fetchJson('/api/csrs', CsrListResponseSchema, { signal }),
    refetchInterval: 60_000,
  });

export const csrDetailOptions = (ctx: string, name: string) =>
  queryOptions({
    queryKey: csrKeys.detail(ctx, name),
    queryFn: ({ signal }) => fetchJson(`/api/csrs/${encodeURIComponent(name)}`, CsrDetailResponseSchema, { signal }),
  });

export function useCsrList(ctx: string | undefined) {
  return useQuery({ ...csrListOptions(ctx ?? ''), enabled: ctx !== undefined });
}

export function useCsrDetail(ctx: string | undefined, name: string) {
  return useQuery({ ...csrDetailOptions(ctx ?? '', name), enabled: ctx !== undefined });
}

/** Marks a row decided in every cached copy at once; the watch (or the refetch on error) then reconciles. */
function optimisticDecision(qc: QueryClient, ctx: string, names: string[], state: 'Approved' | 'Denied') {
  const set = new Set(names);
  qc.setQueryData(
    csrKeys.list(ctx),
    (old: CsrListResponse | undefined) =>
      old && {
        ...old,
        items: old.items.map((r) => (set.has(r.name) ? { ...r, state, stateLabel: state, bulkEligible: false } : r)),
        pendingCount: old.items.filter((r) => r.state === 'Pending' && !set.has(r.name)).length,
      },
  );
}

export type Decision =
  | { kind: 'approve'; name: string; resourceVersion: string; confirmOtherSigner?: boolean }
  | { kind: 'deny'; name: string; resourceVersion: string; reason: string };

/** Approve or deny one CSR. Optimistic; a failure (409, 403…) rolls back and is shown as the server said it. */
export function useDecideCsr(ctx: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: Decision) =>
      d.kind === 'approve'
        ? postJson(
            `/api/csrs/${encodeURIComponent(d.name)}/approve`,
            { resourceVersion: d.resourceVersion, confirmOtherSigner: d.confirmOtherSigner },
            DecisionResultSchema,
          )
        : postJson(
            `/api/csrs/${encodeURIComponent(d.name)}/deny`,
            { resourceVersion: d.resourceVersion, reason: d.reason },
            DecisionResultSchema,
          ),
    onMutate: async (d) => {
      await qc.cancelQueries({ queryKey: csrKeys.list(ctx) });
      await qc.cancelQueries({ queryKey: csrKeys.detail(ctx, d.name) });
      const previous = qc.getQueryData<CsrListResponse>(csrKeys.list(ctx));
      const previousDetail = qc.getQueryData<CsrDetailResponse>(csrKeys.detail(ctx, d.name));
      const state = d.kind === 'approve' ? 'Approved' : 'Denied';
      optimisticDecision(qc, ctx, [d.name], state);
      // Only when the decision is on the newest known version: if the watch already brought a newer one, the
      // server will refuse with a conflict, and pretending otherwise would hide that answer from the user.
      if (previousDetail && previousDetail.csr.resourceVersion === d.resourceVersion)
        qc.setQueryData(csrKeys.detail(ctx, d.name), {
          ...previousDetail,
          csr: { ...previousDetail.csr, state, stateLabel: state },
        });
      return { previous, previousDetail };
    },
    onError: (_err, d, context) => {
      if (context?.previous) qc.setQueryData(csrKeys.list(ctx), context.previous);
      if (context?.previousDetail) qc.setQueryData(csrKeys.detail(ctx, d.name), context.previousDetail);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: csrKeys.all(ctx) }),
  });
}

/** Approve exactly the previewed CSRs; the server re-checks each and reports one result per CSR. */
export function useBulkApprove(ctx: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: { name: string; resourceVersion: string }[]) =>
      postJson('/api/csrs/bulk-approve', { items }, BulkApproveResponseSchema),
    onMutate: async (items) => {
      await qc.cancelQueries({ queryKey: csrKeys.list(ctx) });
      optimisticDecision(
        qc,
        ctx,
        items.map((i) => i.name),
        'Approved',
      );
    },
    onSettled: () => qc.invalidateQueries({ queryKey: csrKeys.all(ctx) }),
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  BulkApproveResponseSchema,
  CsrDetailResponseSchema,
  type BulkApproveResponse,
  type BulkItemResult,
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
  | {
      kind: 'approve';
      name: string;
      resourceVersion: string;
      confirmOtherSigner?: boolean;
      /** the failing checks' ids the user confirmed overriding */
      overrideFailingChecks?: string[];
    }
  | { kind: 'deny'; name: string; resourceVersion: string; reason: string };

/** Approve or deny one CSR. Optimistic; a failure (409, 403…) rolls back and is shown as the server said it. */
export function useDecideCsr(ctx: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: Decision) =>
      d.kind === 'approve'
        ? postJson(
            `/api/csrs/${encodeURIComponent(d.name)}/approve`,
            {
              resourceVersion: d.resourceVersion,
              confirmOtherSigner: d.confirmOtherSigner,
              overrideFailingChecks: d.overrideFailingChecks,
            },
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

/** Where one CSR of a bulk action is: waiting its turn, sent, or its result as the server reported it. */
export type BulkProgress = Record<string, 'queued' | 'sending' | BulkItemResult>;

/** CSRs per request: small enough that each row's result shows while the rest are still being decided. */
const BULK_CHUNK = 5;

export type BulkAction = { kind: 'approve' } | { kind: 'deny'; reason: string };

/**
 * Approve (or deny, with one reason) exactly the previewed CSRs. The server re-checks each and reports one result
 * per CSR; the items go in small chunks, one after the other, so `onProgress` can show each CSR's state as it
 * happens (queued → sending → approved/denied/refused/failed) rather than one answer after the whole batch.
 */
export function useBulkDecision(ctx: string, onProgress: (p: BulkProgress) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({
      items,
      action,
    }: {
      items: { name: string; resourceVersion: string }[];
      action: BulkAction;
    }) => {
      const progress: BulkProgress = Object.fromEntries(items.map((i) => [i.name, 'queued' as const]));
      onProgress({ ...progress });
      const results: BulkItemResult[] = [];
      for (let i = 0; i < items.length; i += BULK_CHUNK) {
        const chunk = items.slice(i, i + BULK_CHUNK);
        for (const c of chunk) progress[c.name] = 'sending';
        onProgress({ ...progress });
        const res =
          action.kind === 'approve'
            ? await postJson('/api/csrs/bulk-approve', { items: chunk }, BulkApproveResponseSchema)
            : await postJson('/api/csrs/bulk-deny', { items: chunk, reason: action.reason }, BulkApproveResponseSchema);
        for (const r of res.results) progress[r.name] = r;
        results.push(...res.results);
        onProgress({ ...progress });
        optimisticDecision(
          qc,
          ctx,
          res.results.filter((r) => r.outcome === 'approved' || r.outcome === 'denied').map((r) => r.name),
          action.kind === 'approve' ? 'Approved' : 'Denied',
        );
      }
      const count = (o: BulkItemResult['outcome']) => results.filter((r) => r.outcome === o).length;
      return {
        results,
        approved: count('approved'),
        denied: count('denied'),
        refused: count('refused'),
        failed: count('failed'),
      } satisfies BulkApproveResponse;
    },
    onMutate: () => qc.cancelQueries({ queryKey: csrKeys.list(ctx) }),
    onSettled: () => qc.invalidateQueries({ queryKey: csrKeys.all(ctx) }),
  });
}

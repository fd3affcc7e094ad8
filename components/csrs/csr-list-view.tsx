'use client';

import { useMemo } from 'react';
import Link from 'next/link';
import { ErrorPanel } from '@/components/error-panel';
import { EmptyState } from '@/components/empty-state';
import { StaleBanner } from '@/components/stale-banner';
import { SelectField } from '@/components/ui/field';
import { Icon } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/skeleton';
import type { CsrRow } from '@/lib/api/csrs';
import { bulkApprovalPlan, bulkDenyPlan } from '@/lib/domain/csr-permissions';
import { useContexts } from '@/lib/queries/contexts';
import { useCsrEvents } from '@/lib/queries/csr-events';
import { useCsrList } from '@/lib/queries/csrs';
import { BulkApproveDialog } from './bulk-approve-dialog';
import { CsrTable } from './csr-table';
import { CsrWatchStatusLine } from './csr-watch-status';
import { CSR_STATES } from './csr-filters';
import { shortSigner } from './format';
import { useCsrFilters } from './use-csr-filters';

const NO_PERMISSIONS = { updateApproval: { allowed: false, reason: 'permissions not loaded' }, signers: {} };

/** The /csrs page body: live list (watch-driven), filters by state and signer, flood warning, bulk approval. */
export function CsrListView({ serverContext }: { serverContext?: string }) {
  // serverContext: the context the server prefetched for, so the hydration render matches (see NodeListView)
  const ctx = useContexts().data?.current ?? serverContext;
  const list = useCsrList(ctx);
  const watch = useCsrEvents(ctx);
  const [{ state, signer }, setFilters] = useCsrFilters();
  const data = list.data;

  // a signer from the URL stays selectable even when no CSR has it any more (an old shared link)
  const signers = useMemo(
    () => [...new Set([...(data?.items ?? []).map((r) => r.signerName), ...(signer ? [signer] : [])])].sort(),
    [data, signer],
  );
  const rows = useMemo(
    () => (data?.items ?? []).filter((r) => (!state || r.state === state) && (!signer || r.signerName === signer)),
    [data, state, signer],
  );
  const bulk = useMemo(() => bulkApprovalPlan<CsrRow>(data?.items ?? [], data?.permissions ?? NO_PERMISSIONS), [data]);
  const denyAll = useMemo(() => bulkDenyPlan<CsrRow>(data?.items ?? [], data?.permissions ?? NO_PERMISSIONS), [data]);

  if (list.isError && !data)
    return (
      <ErrorPanel
        error={list.error}
        what="certificatesigningrequests"
        title="Could not list CSRs"
        onRetry={() => void list.refetch()}
      />
    );
  if (!data || !ctx) return <Skeleton className="h-96 w-full" />;

  return (
    <div className="flex flex-col gap-4">
      <CsrWatchStatusLine status={watch} />
      <StaleBanner data={data} what="the CSRs" />
      {data.flood.flood && (
        <div
          role="alert"
          data-testid="csr-flood-warning"
          className="flex gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
        >
          <Icon name="alert" className="mt-0.5 size-4 shrink-0" />
          {data.flood.message}
        </div>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label="State"
          value={state ?? ''}
          onChange={(e) =>
            setFilters({ state: (e.target.value || undefined) as (typeof CSR_STATES)[number] | undefined })
          }
          data-testid="csr-filter-state"
          // the URL is the state: a browser restoring the control on Back/reload must not contradict it
          autoComplete="off"
        >
          <option value="">All states</option>
          {CSR_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Signer"
          value={signer ?? ''}
          onChange={(e) => setFilters({ signer: e.target.value || undefined })}
          data-testid="csr-filter-signer"
          autoComplete="off"
        >
          <option value="">All signers</option>
          {signers.map((s) => (
            <option key={s} value={s}>
              {shortSigner(s)}
            </option>
          ))}
        </SelectField>
        <p className="pb-2 text-sm text-zinc-600 dark:text-zinc-400">
          <span data-testid="csr-pending-total">{data.pendingCount}</span> pending · {data.nodeCount} nodes · acting as{' '}
          <span className="font-mono">{data.permissions.identity}</span>
        </p>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <BulkApproveDialog
            ctx={ctx}
            candidates={bulk.passing}
            actionable={bulk.approvable}
            excluded={bulk.excluded}
            blocker={bulk.blocker}
          />
          <BulkApproveDialog
            ctx={ctx}
            mode="deny"
            candidates={denyAll.failing}
            actionable={denyAll.deniable}
            excluded={0}
            blocker={denyAll.blocker}
          />
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={data.items.length ? 'No CSR matches these filters' : 'No certificate signing requests'}>
          {data.items.length
            ? 'Change the state or signer filter.'
            : 'Kubelets create CSRs when they join or rotate certificates.'}
        </EmptyState>
      ) : (
        <CsrTable ctx={ctx} rows={rows} permissions={data.permissions} />
      )}
      <p className="text-xs text-zinc-500">
        Live: updated by a watch on certificatesigningrequests.{' '}
        <Link className="underline" href="/nodes">
          Nodes
        </Link>
      </p>
    </div>
  );
}

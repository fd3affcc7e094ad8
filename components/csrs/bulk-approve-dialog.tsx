'use client';

import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icons';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { BulkApproveResponse, CsrRow } from '@/lib/api/csrs';
import { useBulkDecision, type BulkProgress } from '@/lib/queries/csrs';
import { DecisionError } from './decision-error';
import { shortSigner } from './format';

const MODE = {
  approve: {
    testId: 'bulk-approve',
    previewId: 'bulk-preview',
    resultsId: 'bulk-results',
    button: (n: number) => `Approve all passing (${n})`,
    title: (n: number) => `Approve ${n} CSRs that pass every check?`,
    confirm: (n: number) => `Approve ${n}`,
    working: 'Approving…',
  },
  deny: {
    testId: 'bulk-deny',
    previewId: 'bulk-deny-preview',
    resultsId: 'bulk-deny-results',
    button: (n: number) => `Deny all failing (${n})`,
    title: (n: number) => `Deny ${n} CSRs that fail a check?`,
    confirm: (n: number) => `Deny ${n}`,
    working: 'Denying…',
  },
} as const;

const OUTCOME_LABEL = { approved: 'Approved', denied: 'Denied', refused: 'Refused', failed: 'Failed' } as const;

/**
 * "Approve every pending CSR that passes all checks" and "deny every pending CSR that fails one": a preview of
 * exactly the CSRs concerned (a denial also needs a reason, recorded in each CSR), a confirmation, then each CSR's
 * own progress and result as it happens. The server re-checks each one before writing: a CSR changed since the
 * preview, or one that no longer fails (deny) or passes (approve), is reported, not decided.
 */
export function BulkApproveDialog({
  ctx,
  mode = 'approve',
  candidates,
  actionable,
  excluded,
  blocker,
}: {
  ctx: string;
  mode?: keyof typeof MODE;
  /** the CSRs the action is about (passing / failing), whatever this user may do: the count on the button */
  candidates: CsrRow[];
  /** the ones this user may decide: what the preview freezes and sends */
  actionable: CsrRow[];
  /** pending CSRs left out (approve: failing or needing a per-CSR confirmation) */
  excluded: number;
  blocker: string | null;
}) {
  const m = MODE[mode];
  const dialog = useRef<HTMLDialogElement>(null);
  const reasonId = useId();
  const [preview, setPreview] = useState<CsrRow[]>([]);
  const [reason, setReason] = useState('');
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [result, setResult] = useState<BulkApproveResponse | null>(null);
  const bulk = useBulkDecision(ctx, setProgress);
  const needsReason = mode === 'deny' && reason.trim().length < 3;

  const open = () => {
    setPreview(actionable); // frozen: exactly these are sent, with the resourceVersions shown
    setProgress(null);
    setResult(null);
    bulk.reset();
    dialog.current?.showModal();
  };
  const confirm = () =>
    bulk.mutate(
      {
        items: preview.map((r) => ({ name: r.name, resourceVersion: r.resourceVersion })),
        action: mode === 'approve' ? { kind: 'approve' } : { kind: 'deny', reason: reason.trim() },
      },
      { onSuccess: setResult },
    );
  const done = progress ? Object.values(progress).filter((p) => typeof p !== 'string').length : 0;

  return (
    <>
      <span title={blocker ?? undefined}>
        <Button
          variant={mode === 'approve' ? 'primary' : 'secondary'}
          onClick={open}
          disabled={blocker !== null}
          data-testid={`${m.testId}-open`}
        >
          <Icon name={mode === 'approve' ? 'check' : 'cross'} />
          {m.button(candidates.length)}
        </Button>
      </span>
      {blocker && candidates.length > 0 && (
        <span className="max-w-80 text-xs text-zinc-500" data-testid={`${m.testId}-blocker`}>
          {blocker}
        </span>
      )}
      <dialog
        ref={dialog}
        aria-labelledby={`${m.testId}-title`}
        className="m-auto w-[min(48rem,95vw)] rounded-lg border border-zinc-300 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
      >
        <div className="flex max-h-[80vh] flex-col gap-3 p-5">
          <h2 id={`${m.testId}-title`} className="text-lg font-semibold">
            {result ? 'Result' : m.title(preview.length)}
          </h2>
          {!progress && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Exactly these CSRs will be {mode === 'approve' ? 'approved' : 'denied'}.{' '}
              {excluded > 0 &&
                `${excluded} pending CSRs fail a check or need a per-CSR confirmation and are left out. `}
              Each is re-read and re-checked before writing; one that changed since this preview is reported, not{' '}
              {mode === 'approve' ? 'approved' : 'denied'}.
            </p>
          )}
          {progress && (
            <p role="status" className="text-sm" data-testid="bulk-progress">
              {done} of {preview.length} done
            </p>
          )}
          <div className="overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
            <Table density="normal" data-testid={result ? m.resultsId : m.previewId}>
              <TableHeader className="sticky top-0">
                <tr>
                  <TableHead className="font-bold">CSR</TableHead>
                  <TableHead className="font-bold">Node</TableHead>
                  {progress ? (
                    <TableHead className="font-bold">Result</TableHead>
                  ) : (
                    <>
                      <TableHead className="font-bold">{mode === 'approve' ? 'Signer' : 'Failing checks'}</TableHead>
                      <TableHead className="font-bold">Requester</TableHead>
                    </>
                  )}
                </tr>
              </TableHeader>
              <TableBody>
                {preview.map((r) => (
                  <TableRow key={r.name} data-csr={r.name}>
                    <TableCell className="font-mono whitespace-nowrap">{r.name}</TableCell>
                    <TableCell>{r.nodeName ?? '—'}</TableCell>
                    {progress ? (
                      <TableCell data-testid="bulk-item-state">
                        <ItemProgress state={progress[r.name]} />
                      </TableCell>
                    ) : (
                      <>
                        <TableCell className="text-xs">
                          {mode === 'approve'
                            ? shortSigner(r.signerName)
                            : r.failingChecks.map((c) => c.label).join(', ')}
                        </TableCell>
                        <TableCell className="font-mono text-xs">{r.username}</TableCell>
                      </>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {mode === 'deny' && !progress && (
            <div className="flex flex-col gap-1">
              <label htmlFor={reasonId} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
                Reason for denying (recorded in every CSR)
              </label>
              <textarea
                id={reasonId}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={2}
                maxLength={500}
                className="rounded-md border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
              />
            </div>
          )}
          {result && (
            <p className="text-sm" data-testid="bulk-summary">
              {mode === 'approve' ? `${result.approved} approved` : `${result.denied} denied`}, {result.refused}{' '}
              refused, {result.failed} failed.
            </p>
          )}
          <DecisionError error={bulk.error} />
          <div className="flex justify-end gap-2">
            <Button onClick={() => dialog.current?.close()} disabled={bulk.isPending}>
              {progress ? 'Close' : 'Cancel'}
            </Button>
            {!progress && (
              <Button
                variant="primary"
                onClick={confirm}
                disabled={bulk.isPending || preview.length === 0 || needsReason}
                title={needsReason ? 'Give a reason for the denial.' : undefined}
                data-testid={`${m.testId}-confirm`}
              >
                {bulk.isPending ? m.working : m.confirm(preview.length)}
              </Button>
            )}
          </div>
        </div>
      </dialog>
    </>
  );
}

function ItemProgress({ state }: { state: BulkProgress[string] | undefined }) {
  if (state === undefined || state === 'queued') return <span className="text-zinc-500">not sent yet</span>;
  if (state === 'sending') return <span className="text-zinc-600 dark:text-zinc-400">working…</span>;
  const ok = state.outcome === 'approved' || state.outcome === 'denied';
  return (
    <>
      <span className={ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}>
        {OUTCOME_LABEL[state.outcome]}
      </span>
      {!ok && <span className="ml-2 text-xs text-zinc-600 dark:text-zinc-400">{state.message}</span>}
    </>
  );
}

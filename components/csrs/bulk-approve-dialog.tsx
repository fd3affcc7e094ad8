'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icons';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { BulkApproveResponse, CsrRow } from '@/lib/api/csrs';
import { useBulkApprove } from '@/lib/queries/csrs';
import { DecisionError } from './decision-error';
import { shortSigner } from './format';

/**
 * "Approve every pending CSR that passes all checks": a preview of exactly the CSRs that will be approved
 * (failing ones and other signers are never included), a confirmation, then one result per CSR.
 * The server approves at most 10 at a time and re-checks each one before writing.
 */
export function BulkApproveDialog({
  ctx,
  passing,
  approvable,
  excluded,
  blocker,
}: {
  ctx: string;
  /** pending CSRs that pass every check: the count on the button, whatever this user may do */
  passing: CsrRow[];
  /** the passing ones this user may approve: what the preview freezes and sends */
  approvable: CsrRow[];
  excluded: number;
  blocker: string | null;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [preview, setPreview] = useState<CsrRow[]>([]);
  const [result, setResult] = useState<BulkApproveResponse | null>(null);
  const bulk = useBulkApprove(ctx);
  const disabledReason = blocker;

  const open = () => {
    setPreview(approvable); // frozen: exactly these are sent, with the resourceVersions shown
    setResult(null);
    bulk.reset();
    dialog.current?.showModal();
  };
  const confirm = () =>
    bulk.mutate(
      preview.map((r) => ({ name: r.name, resourceVersion: r.resourceVersion })),
      { onSuccess: setResult },
    );

  return (
    <>
      <span title={disabledReason ?? undefined}>
        <Button variant="primary" onClick={open} disabled={disabledReason !== null} data-testid="bulk-approve-open">
          <Icon name="check" />
          Approve all passing ({passing.length})
        </Button>
      </span>
      {disabledReason && passing.length > 0 && (
        <span className="max-w-80 text-xs text-zinc-500" data-testid="bulk-approve-blocker">
          {disabledReason}
        </span>
      )}
      <dialog
        ref={dialog}
        aria-labelledby="bulk-title"
        className="m-auto w-[min(48rem,95vw)] rounded-lg border border-zinc-300 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
      >
        <div className="flex max-h-[80vh] flex-col gap-3 p-5">
          <h2 id="bulk-title" className="text-lg font-semibold">
            {result ? 'Bulk approval result' : `Approve ${preview.length} CSRs that pass every check?`}
          </h2>
          {!result && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Exactly these CSRs will be approved.{' '}
              {excluded > 0 &&
                `${excluded} pending CSRs fail a check or need a per-CSR confirmation and are left out. `}
              Each is re-read and re-checked before writing; one that changed since this preview is reported, not
              approved.
            </p>
          )}
          <div className="overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
            <Table density="normal" data-testid={result ? 'bulk-results' : 'bulk-preview'}>
              <TableHeader className="sticky top-0">
                <tr>
                  <TableHead className="font-bold">CSR</TableHead>
                  {result ? (
                    <TableHead className="font-bold">Result</TableHead>
                  ) : (
                    <>
                      <TableHead className="font-bold">Node</TableHead>
                      <TableHead className="font-bold">Signer</TableHead>
                      <TableHead className="font-bold">Requester</TableHead>
                    </>
                  )}
                </tr>
              </TableHeader>
              <TableBody>
                {result
                  ? result.results.map((r) => (
                      <TableRow key={r.name} data-csr={r.name}>
                        <TableCell className="font-mono whitespace-nowrap">{r.name}</TableCell>
                        <TableCell>
                          <span
                            className={
                              r.outcome === 'approved'
                                ? 'text-emerald-700 dark:text-emerald-400'
                                : 'text-red-700 dark:text-red-400'
                            }
                          >
                            {r.outcome === 'approved' ? 'Approved' : r.outcome === 'refused' ? 'Refused' : 'Failed'}
                          </span>
                          {r.outcome !== 'approved' && (
                            <span className="ml-2 text-xs text-zinc-600 dark:text-zinc-400">{r.message}</span>
                          )}
                        </TableCell>
                      </TableRow>
                    ))
                  : preview.map((r) => (
                      <TableRow key={r.name} data-csr={r.name}>
                        <TableCell className="font-mono whitespace-nowrap">{r.name}</TableCell>
                        <TableCell>{r.nodeName ?? '—'}</TableCell>
                        <TableCell>{shortSigner(r.signerName)}</TableCell>
                        <TableCell className="font-mono text-xs">{r.username}</TableCell>
                      </TableRow>
                    ))}
              </TableBody>
            </Table>
          </div>
          {result && (
            <p className="text-sm" data-testid="bulk-summary">
              {result.approved} approved, {result.refused} refused, {result.failed} failed.
            </p>
          )}
          <DecisionError error={bulk.error} />
          <div className="flex justify-end gap-2">
            <Button onClick={() => dialog.current?.close()}>{result ? 'Close' : 'Cancel'}</Button>
            {!result && (
              <Button
                variant="primary"
                onClick={confirm}
                disabled={bulk.isPending || preview.length === 0}
                data-testid="bulk-approve-confirm"
              >
                {bulk.isPending ? 'Approving…' : `Approve ${preview.length}`}
              </Button>
            )}
          </div>
        </div>
      </dialog>
    </>
  );
}

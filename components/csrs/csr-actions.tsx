'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { CsrDetail, CsrPermissions } from '@/lib/api/csrs';
import { approveBlocker, denyBlocker, mayDecide } from '@/lib/domain/csr-permissions';
import { useDecideCsr } from '@/lib/queries/csrs';
import { CsrOverride } from './csr-override';
import { DecisionError } from './decision-error';

/**
 * Approve / Deny for one CSR. Buttons the user may not use are disabled and say why. Approving another signer's
 * CSR needs an explicit confirmation; denying needs a reason, recorded in the condition. The resourceVersion sent
 * is the one on screen, so a CSR changed since is reported as a conflict, never overwritten.
 */
export function CsrActions({ ctx, csr, permissions }: { ctx: string; csr: CsrDetail; permissions: CsrPermissions }) {
  const decide = useDecideCsr(ctx);
  const [confirmOther, setConfirmOther] = useState(false);
  const [reason, setReason] = useState('');
  const perm = mayDecide(permissions, csr.signerName);
  const approveWhy =
    approveBlocker(csr, perm) ??
    (csr.family === 'other' && !confirmOther ? 'Confirm that you have verified this signer’s rules yourself.' : null);
  const denyWhy = denyBlocker(csr, perm) ?? (reason.trim().length < 3 ? 'Give a reason for the denial.' : null);
  const done = decide.isSuccess ? decide.data : null;

  return (
    <section
      aria-labelledby="actions-title"
      className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <h2 id="actions-title" className="font-semibold">
        Decision
      </h2>
      {csr.state !== 'Pending' && !done && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">This CSR is already {csr.stateLabel}.</p>
      )}
      {done && (
        <p role="status" data-testid="csr-decision-done" className="text-sm text-emerald-700 dark:text-emerald-400">
          {done.decision}: {done.message}
        </p>
      )}
      {csr.state === 'Pending' && !done && (
        <>
          {csr.family === 'other' && (
            <label className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
              <input
                type="checkbox"
                checked={confirmOther}
                onChange={(e) => setConfirmOther(e.target.checked)}
                className="mt-1"
                data-testid="confirm-other-signer"
              />
              <span>
                <strong>{csr.signerName}</strong> is not a kubelet signer: the dashboard cannot judge what it may issue.
                I have checked the request against that signer’s rules and want to approve it.
              </span>
            </label>
          )}
          <div className="flex flex-wrap items-start gap-3">
            <div className="flex flex-col items-start gap-1">
              <Button
                variant="primary"
                disabled={approveWhy !== null || decide.isPending}
                title={approveWhy ?? undefined}
                data-testid="csr-approve"
                onClick={() =>
                  decide.mutate({
                    kind: 'approve',
                    name: csr.name,
                    resourceVersion: csr.resourceVersion,
                    confirmOtherSigner: csr.family === 'other' ? confirmOther : undefined,
                  })
                }
              >
                Approve
              </Button>
              {approveWhy && (
                <span className="max-w-72 text-xs text-zinc-500" data-testid="csr-approve-why">
                  {approveWhy}
                </span>
              )}
            </div>
            <div className="flex min-w-72 flex-1 flex-col gap-1">
              <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400" htmlFor="deny-reason">
                Reason for denying (recorded in the CSR)
              </label>
              <textarea
                id="deny-reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={2}
                maxLength={500}
                disabled={denyBlocker(csr, perm) !== null}
                className="rounded-md border border-zinc-300 bg-white p-2 text-sm disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900"
              />
              <div className="flex items-center gap-2">
                <Button
                  disabled={denyWhy !== null || decide.isPending}
                  title={denyWhy ?? undefined}
                  data-testid="csr-deny"
                  onClick={() =>
                    decide.mutate({ kind: 'deny', name: csr.name, resourceVersion: csr.resourceVersion, reason })
                  }
                >
                  Deny
                </Button>
                {denyWhy && (
                  <span className="text-xs text-zinc-500" data-testid="csr-deny-why">
                    {denyWhy}
                  </span>
                )}
              </div>
            </div>
          </div>
          {csr.family !== 'other' && !csr.allPassed && perm.allowed && (
            <CsrOverride
              csr={csr}
              disabled={decide.isPending}
              onApprove={(ids) =>
                decide.mutate({
                  kind: 'approve',
                  name: csr.name,
                  resourceVersion: csr.resourceVersion,
                  overrideFailingChecks: ids,
                })
              }
            />
          )}
        </>
      )}
      <DecisionError error={decide.error} />
    </section>
  );
}

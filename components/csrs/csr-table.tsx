'use client';

import Link from 'next/link';
import { Age } from '@/components/age';
import { Button } from '@/components/ui/button';
import type { CsrPermissions, CsrRow } from '@/lib/api/csrs';
import { approveBlocker, mayDecide } from '@/lib/domain/csr-permissions';
import { useDecideCsr } from '@/lib/queries/csrs';
import { CsrStateBadge, CsrVerdictBadge } from './csr-state-badge';
import { DecisionError } from './decision-error';
import { formatRequestedDuration, shortSigner, shownGroups } from './format';

/** One row per CSR; Approve right here for kubelet CSRs that pass every check, Review for everything else. */
export function CsrTable({ ctx, rows, permissions }: { ctx: string; rows: CsrRow[]; permissions: CsrPermissions }) {
  const decide = useDecideCsr(ctx);
  return (
    <div className="flex flex-col gap-2">
      <DecisionError error={decide.error} />
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm" data-testid="csr-table">
          <thead className="bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th className="px-3 py-2 font-medium">Name</th>
              <th className="px-3 py-2 font-medium">Age</th>
              <th className="px-3 py-2 font-medium">Signer</th>
              <th className="px-3 py-2 font-medium">Requester</th>
              <th className="px-3 py-2 font-medium">Node</th>
              <th className="px-3 py-2 font-medium">Duration</th>
              <th className="px-3 py-2 font-medium">Condition</th>
              <th className="px-3 py-2 font-medium">Safety checks</th>
              <th className="px-3 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const perm = mayDecide(permissions, r.signerName);
              const blocker = approveBlocker(r, perm);
              const quick = r.family !== 'other' && blocker === null;
              return (
                <tr key={r.name} data-csr={r.name} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                  <td className="px-3 py-2 font-mono whitespace-nowrap">
                    <Link
                      href={`/csrs/${encodeURIComponent(r.name)}`}
                      className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
                    >
                      {r.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2 tabular-nums">{r.createdAt ? <Age since={r.createdAt} /> : '<unknown>'}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{shortSigner(r.signerName)}</td>
                  <td className="px-3 py-2">
                    <div className="font-mono text-xs">{r.username}</div>
                    <div className="max-w-64 text-xs break-words text-zinc-500">{shownGroups(r.groups).join(', ')}</div>
                  </td>
                  <td className="px-3 py-2">{r.nodeName ?? '—'}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatRequestedDuration(r.expirationSeconds)}</td>
                  <td className="min-w-36 px-3 py-2">
                    <CsrStateBadge row={r} />
                    {r.decider && (
                      <div className="mt-1 max-w-48 text-xs text-zinc-500" title={r.decider.message}>
                        by{' '}
                        {r.decider.kind === 'dashboard'
                          ? `dashboard: ${r.decider.identity ?? 'unknown'}`
                          : r.decider.label}
                      </div>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <CsrVerdictBadge row={r} />
                  </td>
                  <td className="px-3 py-2">
                    <div className="flex justify-end gap-2">
                      {r.state === 'Pending' && r.family !== 'other' && (
                        <span title={blocker ?? undefined}>
                          <Button
                            size="sm"
                            variant="primary"
                            disabled={!quick || decide.isPending}
                            aria-label={`Approve ${r.name}`}
                            onClick={() =>
                              decide.mutate({ kind: 'approve', name: r.name, resourceVersion: r.resourceVersion })
                            }
                          >
                            Approve
                          </Button>
                        </span>
                      )}
                      <Link
                        href={`/csrs/${encodeURIComponent(r.name)}`}
                        className="inline-flex h-8 items-center rounded-md border border-zinc-300 px-2.5 text-xs font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
                      >
                        Review
                      </Link>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

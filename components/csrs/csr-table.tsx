'use client';

import { useRef } from 'react';
import Link from 'next/link';
import { useTableKeyboard } from '@/components/use-table-keyboard';
import { Age } from '@/components/age';
import { Button, buttonVariants } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { CsrPermissions, CsrRow } from '@/lib/api/csrs';
import { approveBlocker, mayDecide } from '@/lib/domain/csr-permissions';
import { useDecideCsr } from '@/lib/queries/csrs';
import { CertificateFindingBadges, CsrStateBadge, CsrVerdictBadge } from './csr-state-badge';
import { DecisionError } from './decision-error';
import { formatRequestedDuration, shortSigner, shownGroups } from './format';

/** One row per CSR; Approve right here for kubelet CSRs that pass every check, Review for everything else. */
export function CsrTable({ ctx, rows, permissions }: { ctx: string; rows: CsrRow[]; permissions: CsrPermissions }) {
  const decide = useDecideCsr(ctx);
  const tableRef = useRef<HTMLDivElement>(null);
  const keyboard = useTableKeyboard(tableRef, { rowSelector: 'tr[data-csr]', keyAttribute: 'data-csr' });
  return (
    <div className="flex flex-col gap-2">
      <DecisionError error={decide.error} />
      <div ref={tableRef} className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <Table data-testid="csr-table">
          <TableHeader>
            <tr>
              <TableHead>Name</TableHead>
              <TableHead>Age</TableHead>
              <TableHead>Signer</TableHead>
              <TableHead>Requester</TableHead>
              <TableHead>Node</TableHead>
              <TableHead>Duration</TableHead>
              <TableHead>Condition</TableHead>
              <TableHead>Safety checks</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </tr>
          </TableHeader>
          <TableBody>
            {rows.map((r) => {
              const perm = mayDecide(permissions, r.signerName);
              const blocker = approveBlocker(r, perm);
              const quick = r.family !== 'other' && blocker === null;
              return (
                <TableRow
                  key={r.name}
                  data-csr={r.name}
                  className="align-top focus:outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600"
                >
                  <TableCell className="font-mono whitespace-nowrap">
                    <Link
                      href={`/csrs/${encodeURIComponent(r.name)}`}
                      className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
                    >
                      {r.name}
                    </Link>
                  </TableCell>
                  <TableCell className="tabular-nums">
                    {r.createdAt ? <Age since={r.createdAt} /> : '<unknown>'}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{shortSigner(r.signerName)}</TableCell>
                  <TableCell>
                    <div className="font-mono text-xs">{r.username}</div>
                    <div className="max-w-64 text-xs break-words text-zinc-500">{shownGroups(r.groups).join(', ')}</div>
                  </TableCell>
                  <TableCell>{r.nodeName ?? '—'}</TableCell>
                  <TableCell className="whitespace-nowrap">{formatRequestedDuration(r.expirationSeconds)}</TableCell>
                  <TableCell className="min-w-36">
                    <CsrStateBadge row={r} />
                    <CertificateFindingBadges row={r} />
                    {r.decider && (
                      <div className="mt-1 max-w-48 text-xs text-zinc-500" title={r.decider.evidence}>
                        by{' '}
                        {r.decider.kind === 'dashboard'
                          ? `dashboard: ${r.decider.identity ?? 'unknown'}`
                          : r.decider.label}
                      </div>
                    )}
                  </TableCell>
                  <TableCell>
                    <CsrVerdictBadge row={r} />
                  </TableCell>
                  <TableCell>
                    <div className="flex justify-end gap-2">
                      {r.state === 'Pending' && r.family !== 'other' && (
                        <span title={blocker ?? undefined}>
                          <Button
                            size="sm"
                            variant="primary"
                            disabled={!quick || decide.isPending}
                            aria-label={`Approve ${r.name}`}
                            onClick={() => {
                              keyboard.keepFocusAfter(r.name);
                              decide.mutate({ kind: 'approve', name: r.name, resourceVersion: r.resourceVersion });
                            }}
                          >
                            Approve
                          </Button>
                        </span>
                      )}
                      <Link href={`/csrs/${encodeURIComponent(r.name)}`} className={buttonVariants({ size: 'sm' })}>
                        Review
                      </Link>
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

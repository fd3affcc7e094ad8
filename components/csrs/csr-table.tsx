'use client';

import { useRef } from 'react';
import Link from 'next/link';
import { useHydrated } from '@/components/use-hydrated';
import { useTableKeyboard } from '@/components/use-table-keyboard';
import { Age } from '@/components/age';
import { Button, buttonVariants } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { CsrPermissions, CsrRow } from '@/lib/api/csrs';
import { approveBlocker, mayDecide } from '@/lib/domain/csr-permissions';
import { useDecideCsr } from '@/lib/queries/csrs';
import { CertificateFindingBadges, CsrStateBadge, CsrVerdictBadge } from './csr-state-badge';
import { DecisionError } from './decision-error';
import { formatRequestedDuration, shortSigner } from './format';

/**
 * One row per CSR, sized to fit a 1280 px screen without sideways scrolling: the columns that decide (name,
 * requester, node, state with who decided, verdict, actions) and nothing else; signer, age and requested duration
 * are small print under the name, and the groups and every check are on the row's own page. The name column stays in place
 * (sticky) if a narrow screen does scroll, so a focused Approve button never has its CSR's name out of view.
 * Approve right here for kubelet CSRs that pass every check, Review for everything else.
 */
export function CsrTable({ ctx, rows, permissions }: { ctx: string; rows: CsrRow[]; permissions: CsrPermissions }) {
  const decide = useDecideCsr(ctx);
  const tableRef = useRef<HTMLDivElement>(null);
  const keyboard = useTableKeyboard(tableRef, { rowSelector: 'tr[data-csr]', keyAttribute: 'data-csr' });
  // The server's HTML carries the first screenful; the other rows render once React owns the page (the same
  // render pass that hydration ends with). At 1,000 pending CSRs every row in the HTML made it 3.9 MB.
  const hydrated = useHydrated();
  const shown = hydrated || rows.length <= SERVER_ROWS ? rows : rows.slice(0, SERVER_ROWS);
  return (
    <div className="flex flex-col gap-2">
      <DecisionError error={decide.error} />
      <div ref={tableRef} className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <Table data-testid="csr-table">
          <TableHeader>
            <tr>
              <TableHead className={STICKY_HEAD}>Name</TableHead>
              <TableHead>Requester</TableHead>
              <TableHead>Node</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Safety checks</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </tr>
          </TableHeader>
          <TableBody>
            {shown.map((r) => (
              <CsrTableRow
                key={r.name}
                row={r}
                permissions={permissions}
                decide={decide}
                keepFocusAfter={keyboard.keepFocusAfter}
              />
            ))}
            {shown.length < rows.length && (
              <TableRow separated={false} data-testid="csr-rows-pending">
                <TableCell colSpan={6} className="text-sm text-zinc-500">
                  {rows.length - shown.length} more CSRs appear once the page&apos;s scripts have loaded.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

/** rows in the server-rendered HTML: more than a tall screen shows (a row is ~53 px; 1440×900 shows about 13) */
const SERVER_ROWS = 30;

const STICKY = 'sticky left-0 z-10 bg-white dark:bg-zinc-950';
const STICKY_HEAD = 'sticky left-0 z-10 bg-zinc-50 dark:bg-zinc-900';

function CsrTableRow({
  row: r,
  permissions,
  decide,
  keepFocusAfter,
}: {
  row: CsrRow;
  permissions: CsrPermissions;
  decide: ReturnType<typeof useDecideCsr>;
  /** from the table's keyboard hook: after the decision, focus moves to the next row instead of <body> */
  keepFocusAfter: (name: string) => void;
}) {
  const perm = mayDecide(permissions, r.signerName);
  const blocker = approveBlocker(r, perm);
  const quick = r.family !== 'other' && blocker === null;
  const href = `/csrs/${encodeURIComponent(r.name)}`;
  return (
    <TableRow
      data-csr={r.name}
      className="align-top focus:outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600"
    >
      <TableCell className={STICKY}>
        <Link
          href={href}
          className="font-mono whitespace-nowrap text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
        >
          {r.name}
        </Link>
        <div className="text-xs whitespace-nowrap text-zinc-500" data-testid="csr-small-print">
          {shortSigner(r.signerName)} · {r.createdAt ? <Age since={r.createdAt} /> : 'age unknown'}
          {r.expirationSeconds !== null && <> · {formatRequestedDuration(r.expirationSeconds)}</>}
        </div>
      </TableCell>
      <TableCell className="max-w-72 font-mono text-xs break-all">{r.username}</TableCell>
      <TableCell className="max-w-64 break-all">{r.nodeName ?? '—'}</TableCell>
      <TableCell>
        <CsrStateBadge row={r} />
        <CertificateFindingBadges row={r} />
        {r.decider && (
          <div className="mt-1 max-w-48 text-xs text-zinc-500" title={r.decider.evidence}>
            by {r.decider.kind === 'dashboard' ? `dashboard: ${r.decider.identity ?? 'unknown'}` : r.decider.label}
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
                  keepFocusAfter(r.name);
                  decide.mutate({ kind: 'approve', name: r.name, resourceVersion: r.resourceVersion });
                }}
              >
                Approve
              </Button>
            </span>
          )}
          <Link href={href} className={buttonVariants({ size: 'sm' })} aria-label={`Review ${r.name}`}>
            Review
          </Link>
        </div>
      </TableCell>
    </TableRow>
  );
}

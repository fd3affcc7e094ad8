'use client';

import { useState } from 'react';
import Link from 'next/link';
import { Age } from '@/components/age';
import { Button } from '@/components/ui/button';
import type { CsrDetailResponse } from '@/lib/api/csrs';
import { ErrorPanel } from '@/components/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { useContexts } from '@/lib/queries/contexts';
import { useCsrEvents } from '@/lib/queries/csr-events';
import { useCsrDetail } from '@/lib/queries/csrs';
import { CsrActions } from './csr-actions';
import { CsrCheckList } from './csr-check-list';
import { CsrCertificateSection, CsrRequestSection } from './csr-decoded';
import { CsrStateBadge } from './csr-state-badge';
import { DefinitionList, mono } from './definition-list';
import { formatRequestedDuration } from './format';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** One CSR: the verdict with every check, the decoded request, who decided, the certificate, and the decision. */
export function CsrDetailView({ name, serverContext }: { name: string; serverContext?: string }) {
  // serverContext: the context the server prefetched for, so the hydration render matches (see NodeListView)
  const ctx = useContexts().data?.current ?? serverContext;
  const q = useCsrDetail(ctx, name);
  useCsrEvents(ctx); // a change to this CSR (or its deletion) refreshes the page at once
  // The version on screen is the one the user reviews, and the one a decision is sent with. A newer version
  // (the watch saw a change) is announced, not swapped in under the user's cursor; decided versions are adopted.
  const [reviewed, setReviewed] = useState<CsrDetailResponse | undefined>(undefined);
  const latest = q.data;
  // Adopt: the first load, a refresh of the same version, or a version that is no longer pending (nothing to decide).
  const adopt =
    latest &&
    (!reviewed || latest.csr.resourceVersion === reviewed.csr.resourceVersion || latest.csr.state !== 'Pending');
  if (adopt && reviewed !== latest) setReviewed(latest);
  const shown = adopt ? latest : reviewed;
  if (q.isError && !shown)
    return (
      <ErrorPanel
        error={q.error}
        what="certificatesigningrequests"
        title={`Could not read CSR ${name}`}
        onRetry={() => void q.refetch()}
      />
    );
  if (!shown || !ctx) return <Skeleton className="h-96 w-full" />;
  const { csr, permissions } = shown;
  const newer = latest && latest.csr.resourceVersion !== csr.resourceVersion ? latest : null;
  const failing = csr.checks.filter((c) => !c.passed).length;

  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/csrs" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          ← All CSRs
        </Link>
        <h1 className="font-mono text-xl font-semibold">{csr.name}</h1>
        <CsrStateBadge row={csr} />
        <span className="text-xs text-zinc-500">resourceVersion {csr.resourceVersion}</span>
      </div>

      {newer && (
        <div
          role="status"
          data-testid="csr-changed"
          className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
        >
          This CSR changed since you opened it (resourceVersion {csr.resourceVersion} → {newer.csr.resourceVersion}). A
          decision on the version shown will be refused as a conflict.
          <Button size="sm" onClick={() => setReviewed(newer)}>
            Review the new version
          </Button>
        </div>
      )}

      <Section title="Safety verdict">
        <p
          data-testid="csr-verdict"
          className={
            failing
              ? 'text-sm font-medium text-red-700 dark:text-red-400'
              : 'text-sm font-medium text-emerald-700 dark:text-emerald-400'
          }
        >
          {failing
            ? `${failing} of ${csr.checks.length} checks fail. Do not approve this request.`
            : csr.family === 'other'
              ? `All ${csr.checks.length} common checks pass, but ${csr.signerName} is not a kubelet signer: its own rules are not checked.`
              : `All ${csr.checks.length} checks pass.`}
        </p>
        <CsrCheckList checks={csr.checks} />
      </Section>

      <CsrActions key={csr.resourceVersion} ctx={ctx} csr={csr} permissions={permissions} />

      <Section title="Request">
        <DefinitionList
          items={[
            [
              'Signer',
              <span key="s" className="font-mono text-xs">
                {csr.signerName}
              </span>,
            ],
            [
              'Requester',
              <span key="u" className="font-mono text-xs">
                {csr.username}
              </span>,
            ],
            ['Groups', mono(csr.groups)],
            ['For node', csr.nodeName ?? ''],
            ['Usages', mono(csr.usages)],
            [
              'expirationSeconds',
              csr.expirationSeconds === null
                ? 'not set (signer default)'
                : `${csr.expirationSeconds} (${formatRequestedDuration(csr.expirationSeconds)})`,
            ],
            [
              'Age',
              csr.createdAt ? (
                <span key="a">
                  <Age since={csr.createdAt} /> ({csr.createdAt})
                </span>
              ) : (
                ''
              ),
            ],
          ]}
        />
      </Section>

      <Section title="Decoded PKCS#10 request">
        <CsrRequestSection csr={csr} />
      </Section>

      <Section title="Decision history">
        {csr.decider && (
          <p className="text-sm" data-testid="csr-decider">
            {csr.decider.decision} by <strong>{csr.decider.label}</strong>
            {csr.decider.identity ? ` (${csr.decider.identity})` : ''}
            {csr.decider.at ? ` at ${csr.decider.at}` : ''}.
            <span className="mt-0.5 block text-xs text-zinc-500">Why: {csr.decider.evidence}.</span>
          </p>
        )}
        {csr.conditions.length === 0 ? (
          <p className="text-sm text-zinc-500">No conditions: the request is pending.</p>
        ) : (
          <Table density="inline">
            <TableHeader tone="plain">
              <tr>
                <TableHead className="font-bold">Type</TableHead>
                <TableHead className="font-bold">Reason</TableHead>
                <TableHead className="font-bold">Message</TableHead>
                <TableHead className="pr-0 font-bold">Updated</TableHead>
              </tr>
            </TableHeader>
            <TableBody>
              {csr.conditions.map((c, i) => (
                <TableRow key={i} className="align-top">
                  <TableCell>{c.type}</TableCell>
                  <TableCell className="font-mono text-xs">{c.reason}</TableCell>
                  <TableCell>{c.message}</TableCell>
                  <TableCell className="pr-0 text-xs">{c.lastUpdateTime}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section title="Issued certificate">
        <CsrCertificateSection csr={csr} />
      </Section>
    </div>
  );
}

'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/skeleton';
import type { CheckReportWire } from '@/lib/api/posture';
import { postureQuery, usePosture } from '@/lib/queries/posture';
import { RemediationView } from './remediation';
import { PostureStatusBadge } from './status-badge';

type Group = NonNullable<CheckReportWire['groups']>[number];

/** Names shown per group before "show all": 5,000 links would be a page of its own. */
const FIRST = 60;

const SOURCE_NOTE: Record<Group['source'], string> = {
  configz: 'from configz',
  zero: 'absent from configz: its zero value',
  default: 'absent from configz: the version default',
  'not-in-configz': 'not visible in configz',
};

function GroupView({ group }: { group: Group }) {
  const [all, setAll] = useState(false);
  const shown = all ? group.nodes : group.nodes.slice(0, FIRST);
  return (
    <li className="flex flex-col gap-1.5 px-3 py-2" data-group-status={group.status} data-value={group.value}>
      <div className="flex flex-wrap items-baseline gap-2 text-sm">
        <PostureStatusBadge status={group.status} />
        <span className="font-semibold tabular-nums">
          {group.nodes.length} {group.nodes.length === 1 ? 'node' : 'nodes'}
        </span>
        <span className="font-mono">{group.value}</span>
        <span className="text-xs text-zinc-500">({SOURCE_NOTE[group.source]})</span>
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {group.reason}.{group.note ? ` Value: ${group.note}.` : ''}
      </p>
      <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs" aria-label={`Nodes: ${group.status}, ${group.value}`}>
        {shown.map((n) => (
          <li key={n}>
            <Link
              prefetch={false}
              href={`/nodes/${encodeURIComponent(n)}#posture-title`}
              className="font-mono text-sky-700 hover:underline dark:text-sky-400"
            >
              {n}
            </Link>
          </li>
        ))}
      </ul>
      {group.nodes.length > FIRST && (
        <Button size="sm" variant="ghost" className="self-start" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${group.nodes.length}`}
        </Button>
      )}
    </li>
  );
}

/** One check across the (filtered) fleet: what it reads and how to fix it, and its nodes grouped by value. */
export function CheckDetail({
  ctx,
  checkId,
  selector,
  onClose,
}: {
  ctx: string | undefined;
  checkId: string;
  selector: string | undefined;
  onClose: () => void;
}) {
  const q = usePosture(ctx, postureQuery({ view: 'check', check: checkId, selector }));
  const check = q.data?.checks[0];
  const stale = q.isPlaceholderData || (check !== undefined && check.id !== checkId);
  return (
    <section
      aria-labelledby="check-detail-title"
      data-testid="check-detail"
      className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-950"
    >
      <header className="flex flex-wrap items-start gap-2">
        <h2 id="check-detail-title" className="text-base font-semibold tracking-tight">
          {check && !stale ? (
            <>
              <span className="font-mono">{`${check.benchmark === 'cis' ? 'CIS' : 'STIG'} ${check.id}`}</span>{' '}
              {check.title}
            </>
          ) : (
            `Check ${checkId}`
          )}
        </h2>
        <Button size="sm" variant="ghost" className="ml-auto" onClick={onClose} aria-label="Close check">
          <Icon name="cross" />
        </Button>
      </header>
      {q.isError && !check && (
        <ErrorPanel
          error={q.error}
          what="nodes and nodes/proxy"
          title="Could not load this check"
          onRetry={() => void q.refetch()}
        />
      )}
      {(!check || stale) && !q.isError && <Skeleton className="h-32 w-full" />}
      {check && !stale && (
        <>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-zinc-500">Passes when</dt>
            <dd>{check.rule}</dd>
            <dt className="text-zinc-500">Reads</dt>
            <dd className="font-mono text-xs">{check.fields.join(', ') || 'nothing in configz'}</dd>
            <dt className="text-zinc-500">Flags</dt>
            <dd className="font-mono text-xs">{check.flags.join(', ') || '—'}</dd>
            <dt className="text-zinc-500">Level</dt>
            <dd>
              {check.level ?? 'not published openly'} · {check.assessment}
              {check.related.length > 0 ? ` · same as ${check.related.join(', ')}` : ''}
            </dd>
          </dl>
          <RemediationView remediation={check.remediation} />
          {check.groups && check.groups.length > 0 ? (
            <ul
              aria-label="Nodes by outcome"
              className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
            >
              {check.groups.map((g) => (
                <GroupView key={`${g.status}|${g.value}|${g.reason}`} group={g} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No evaluated node in this selection.</p>
          )}
        </>
      )}
    </section>
  );
}

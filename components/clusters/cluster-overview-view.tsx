'use client';

import { useId } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { useHydrated } from '@/components/use-hydrated';
import type { ClusterRow, Problem } from '@/lib/api/clusters';
import { useClusterOverview } from '@/lib/queries/clusters';
import { useContexts } from '@/lib/queries/contexts';
import { ContextLink } from './context-link';
import { useIncludedContexts } from './use-included-contexts';

const PROBLEM_LABEL: Record<Problem['problem'], string> = {
  tls: 'TLS verification failed',
  auth: 'Credentials rejected',
  forbidden: 'Forbidden',
  timeout: 'No answer in time',
  'exec-plugin': 'Exec credential plugin missing',
  unreachable: 'Unreachable',
  error: 'Error',
};

function ProblemText({ p }: { p: Problem }) {
  return (
    <span className="text-red-800 dark:text-red-300" title={p.hint}>
      <span className="font-medium">{PROBLEM_LABEL[p.problem]}</span>
      <span className="block max-w-md text-xs break-words text-zinc-600 dark:text-zinc-400">{p.message}</span>
    </span>
  );
}

const Loading = () => <Skeleton className="h-4 w-16" />;

function ClusterRowView({ row }: { row: ClusterRow }) {
  const { context, api, nodes, csrs, kubelets } = row;
  const link = (href: string, children: React.ReactNode, label?: string) => (
    <ContextLink context={context} href={href} aria-label={label}>
      {children}
    </ContextLink>
  );
  return (
    <TableRow data-testid={`cluster-row-${context}`} data-state={api ? (api.ok ? 'ok' : api.problem) : 'loading'}>
      <TableCell className="font-mono">
        {link('/nodes', context, `${context}: nodes`)}
        <span className="block text-xs text-zinc-500">{row.server}</span>
      </TableCell>
      {!api ? (
        <TableCell colSpan={6}>
          <Loading />
        </TableCell>
      ) : !api.ok ? (
        <TableCell colSpan={6} data-testid="cluster-problem">
          <ProblemText p={api} />
        </TableCell>
      ) : (
        <>
          <TableCell>
            <Badge tone="success">
              <Icon name="check" className="size-3" />
              Reachable
            </Badge>
          </TableCell>
          <TableCell className="font-mono" data-testid="cluster-version">
            {api.version}
          </TableCell>
          <TableCell className="text-right tabular-nums" data-testid="cluster-nodes">
            {!nodes ? (
              <Loading />
            ) : !nodes.ok ? (
              <ProblemText p={nodes} />
            ) : (
              <>
                {link('/nodes', nodes.nodes, `${context}: ${nodes.nodes} nodes`)}
                {' / '}
                {nodes.notReady > 0 ? (
                  link(
                    '/nodes?status=NotReady',
                    <span className="text-red-700 dark:text-red-300">{nodes.notReady} NotReady</span>,
                  )
                ) : (
                  <span className="text-zinc-500">0 NotReady</span>
                )}
                {' / '}
                {nodes.underPressure > 0 ? (
                  link(
                    '/nodes?pressure=any',
                    <span className="text-amber-800 dark:text-amber-300">{nodes.underPressure} under pressure</span>,
                  )
                ) : (
                  <span className="text-zinc-500">0 under pressure</span>
                )}
              </>
            )}
          </TableCell>
          <TableCell data-testid="cluster-headroom">
            {!kubelets ? (
              <Loading />
            ) : !kubelets.ok ? (
              <ProblemText p={kubelets} />
            ) : kubelets.headroom ? (
              <>
                {link(
                  `/nodes/${encodeURIComponent(kubelets.headroom.node)}`,
                  <span className={kubelets.headroom.met ? 'text-red-700 dark:text-red-300' : undefined}>
                    {kubelets.headroom.percent}% {kubelets.headroom.signal}
                    {kubelets.headroom.met ? ' (evicting)' : ''}
                  </span>,
                )}
                <span className="block font-mono text-xs text-zinc-500">{kubelets.headroom.node}</span>
                <span className="block text-xs text-zinc-500">
                  {kubelets.statsRead} of {kubelets.nodes} kubelets read
                  {kubelets.headroom.thresholds === 'defaults' ? '; threshold: kubelet default (configz unread)' : ''}
                  {kubelets.partial ? '; deadline reached' : ''}
                </span>
              </>
            ) : (
              <span className="text-zinc-500">
                unknown: no kubelet answered ({kubelets.statsRead} of {kubelets.nodes} read)
              </span>
            )}
          </TableCell>
          <TableCell className="tabular-nums" data-testid="cluster-csrs">
            {!csrs ? (
              <Loading />
            ) : !csrs.ok ? (
              <ProblemText p={csrs} />
            ) : csrs.pending === 0 ? (
              <span className="text-zinc-500">none pending</span>
            ) : (
              link(
                '/csrs',
                <>
                  {csrs.pending} pending
                  <span className="block text-xs">
                    <span className="text-emerald-800 dark:text-emerald-300">{csrs.passing} pass</span>
                    {' · '}
                    <span className={csrs.failing > 0 ? 'text-red-700 dark:text-red-300' : undefined}>
                      {csrs.failing} fail checks
                    </span>
                  </span>
                </>,
              )
            )}
          </TableCell>
          <TableCell className="tabular-nums" data-testid="cluster-variants">
            {!kubelets ? (
              <Loading />
            ) : !kubelets.ok ? (
              <span className="text-zinc-500">—</span>
            ) : (
              <>
                {link(
                  '/compare?by=variant',
                  `${kubelets.variants} ${kubelets.variants === 1 ? 'variant' : 'variants'}`,
                )}
                <span className="block text-xs text-zinc-500">
                  of {kubelets.configzRead} configs read ({kubelets.nodes} nodes)
                </span>
              </>
            )}
          </TableCell>
        </>
      )}
    </TableRow>
  );
}

function ContextPicker({
  known,
  included,
  source,
  onChange,
  onSave,
}: {
  known: readonly string[];
  included: readonly string[];
  source: 'url' | 'saved' | 'all';
  onChange: (names: string[]) => void;
  onSave: () => void;
}) {
  const id = useId();
  const all = included.length === 0;
  const isOn = (n: string) => all || included.includes(n);
  return (
    <fieldset className="mb-4 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <legend className="px-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Included contexts</legend>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {known.map((n) => (
          <label key={n} className="flex items-center gap-1.5 font-mono" htmlFor={`${id}-${n}`}>
            <input
              id={`${id}-${n}`}
              type="checkbox"
              checked={isOn(n)}
              onChange={(e) => {
                const current = all ? [...known] : [...included];
                const next = e.target.checked ? [...current, n] : current.filter((x) => x !== n);
                onChange(known.filter((k) => next.includes(k)));
              }}
            />
            {n}
          </label>
        ))}
        <Button size="sm" onClick={onSave}>
          Save as default
        </Button>
        <span className="text-xs text-zinc-500" data-testid="selection-source">
          {source === 'url' ? 'selection from the link' : source === 'saved' ? 'saved selection' : 'every context'}
        </span>
      </div>
    </fieldset>
  );
}

/** The /clusters page body: one row per included context, filled in as each cluster answers. */
export function ClusterOverviewView() {
  const hydrated = useHydrated();
  const contexts = useContexts();
  // Nothing context-dependent before hydration: the server render may or may not have the contexts in its cache
  // (the header prefetches them), and the saved selection exists only in this browser.
  const known = hydrated ? contexts.data?.contexts.map((c) => c.name) : undefined;
  const { included, source, setIncluded, save } = useIncludedContexts(known);
  const overview = useClusterOverview(included, Boolean(known));

  if (contexts.isError) {
    return (
      <ErrorPanel
        error={contexts.error}
        what="the kubeconfig"
        title="Could not read kube contexts"
        onRetry={() => void contexts.refetch()}
      />
    );
  }
  const data = overview.data;
  return (
    <div data-hydrated={hydrated || undefined}>
      {known && known.length > 1 && (
        <ContextPicker
          known={known}
          included={included}
          source={source}
          onChange={(names) => setIncluded(names.length === known.length ? [] : names)}
          onSave={() => save(included)}
        />
      )}
      {overview.isError ? (
        <ErrorPanel
          error={overview.error}
          what="the kubeconfig"
          title="Could not build the overview"
          onRetry={() => void overview.refetch()}
        />
      ) : (
        <>
          <p className="mb-2 text-xs text-zinc-500" aria-live="polite" data-testid="overview-status">
            {!data || data.rows.length === 0
              ? 'Asking every cluster…'
              : data.done
                ? `${data.rows.length} contexts; each had ${(data.deadlineMs ?? 0) / 1000} s to answer.`
                : `${data.rows.filter((r) => r.api).length} of ${data.rows.length} contexts answered so far…`}
            {overview.isFetching && data?.done ? ' Refreshing…' : ''}
          </p>
          <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
            <Table aria-label="Clusters">
              <TableHeader>
                <tr>
                  <TableHead>Context</TableHead>
                  <TableHead>API server</TableHead>
                  <TableHead>Version</TableHead>
                  <TableHead className="text-right">Nodes / NotReady / under pressure</TableHead>
                  <TableHead>Smallest eviction headroom</TableHead>
                  <TableHead>Pending CSRs</TableHead>
                  <TableHead>Config variants</TableHead>
                </tr>
              </TableHeader>
              <TableBody>
                {(data?.rows ?? []).map((row) => (
                  <ClusterRowView key={row.context} row={row} />
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </div>
  );
}

'use client';

import { useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { ErrorPanel } from '@/components/error-panel';
import { StaleBanner } from '@/components/stale-banner';
import { Button, buttonVariants } from '@/components/ui/button';
import { Icon } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/skeleton';
import { useClock } from '@/components/use-clock';
import { useHydrated } from '@/components/use-hydrated';
import { cn } from '@/lib/cn';
import { useContexts } from '@/lib/queries/contexts';
import { postureQuery, usePosture, useSelectorNodes } from '@/lib/queries/posture';
import { CheckDetail } from './check-detail';
import { CheckTable } from './check-table';
import { postureExportHref } from './posture-params';
import { SelectorForm } from './selector-form';
import { usePostureParams } from './use-posture-params';

/**
 * The /posture page body: every check with how many nodes fail it, filtered by label selector; a check opens
 * its nodes grouped by value. Everything the view shows is in the URL (posture-params.ts).
 * `serverContext`: the context the server prefetched the report for. Without it the server rendered the skeleton
 * and no check at all: the header's context switcher creates the contexts query before the page's
 * HydrationBoundary, whose hydration of an existing query waits for an effect (see NodeListView).
 */
export function PostureView({ serverContext }: { serverContext?: string }) {
  const contexts = useContexts();
  const ctx = contexts.data?.current ?? serverContext;
  const [params, update] = usePostureParams();
  const [wantSuggestions, setWantSuggestions] = useState(false);
  const nodeList = useSelectorNodes(ctx, wantSuggestions);
  const summary = usePosture(ctx, postureQuery({ view: 'summary', selector: params.selector }));
  const data = summary.data;
  const hydrated = useHydrated();
  // not toLocaleTimeString() here: the server's zone and language are not the viewer's (React #418)
  const clock = useClock();

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

  const decided = data?.checks.filter((c) => c.decidable) ?? [];
  const hostOnly = data?.checks.filter((c) => !c.decidable) ?? [];
  const unreadable = Object.entries(data?.unreadable ?? {});

  return (
    <div className="flex flex-col gap-5" data-hydrated={hydrated || undefined}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <SelectorForm
          key={params.selector ?? ''}
          selector={params.selector}
          nodes={nodeList.data?.items ?? []}
          onApply={(selector) => update({ selector })}
          onFocus={() => setWantSuggestions(true)}
        />
        <div className="flex items-center gap-2 text-sm">
          <span className="text-xs text-zinc-500">Export</span>
          {(['json', 'csv', 'sarif'] as const).map((f) => (
            <a key={f} href={postureExportHref(params, f)} download className={buttonVariants({ size: 'xs' })}>
              {f.toUpperCase()}
            </a>
          ))}
          <Button size="sm" variant="ghost" onClick={() => void summary.refetch()} disabled={summary.isFetching}>
            <Icon name="refresh" className={cn(summary.isFetching && 'animate-spin')} />
            Refresh
          </Button>
        </div>
      </div>

      {summary.isError && !data && (
        <ErrorPanel
          error={summary.error}
          what="nodes and nodes/proxy"
          title="Could not evaluate the fleet"
          onRetry={() => void summary.refetch()}
        />
      )}
      {!data && !summary.isError && (
        <div className="flex flex-col gap-2" role="status" aria-busy="true" aria-label="Loading posture">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-96 w-full" />
        </div>
      )}

      {data && (
        <>
          <StaleBanner data={data} what="the fleet's posture" />
          <p className="text-sm" role="status" data-testid="posture-totals">
            <span className="font-semibold">{data.totals.nodes}</span> nodes
            {data.selector && (
              <>
                {' '}
                matching <span className="font-mono">{data.selector}</span>
              </>
            )}{' '}
            · {data.totals.evaluated} evaluated · {data.totals.unreadable} unreadable
            {data.totals.pending > 0 && (
              <span className="text-sky-700 dark:text-sky-300">
                {' '}
                · reading {data.totals.pending} kubelets… (counts grow as they answer)
              </span>
            )}
          </p>
          {data.totals.nodes === 0 ? (
            <EmptyState title="No nodes match this selector">
              Nothing in context <span className="font-mono">{data.context}</span> carries these labels. Try a node
              pool, zone or role from the suggestions.
            </EmptyState>
          ) : (
            <>
              {params.check && (
                <CheckDetail
                  ctx={ctx}
                  checkId={params.check}
                  selector={params.selector}
                  onClose={() => update({ check: undefined })}
                />
              )}
              <section aria-labelledby="decided-title" className="flex flex-col gap-2">
                <h2 id="decided-title" className="text-base font-semibold">
                  Checks decided from configz <span className="font-normal text-zinc-500">({decided.length})</span>
                </h2>
                <CheckTable
                  checks={decided}
                  selected={params.check}
                  onOpen={(check) => update({ check })}
                  caption="Checks decided from the kubelets' effective configuration"
                />
              </section>
              {unreadable.length > 0 && (
                <details className="text-sm" data-testid="posture-unreadable">
                  <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">
                    {unreadable.length} nodes not evaluated: their configz could not be read
                  </summary>
                  <ul className="mt-2 flex flex-col gap-1 text-xs">
                    {unreadable.map(([node, reason]) => (
                      <li key={node}>
                        <span className="font-mono">{node}</span>: {reason}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              <details className="text-sm" data-testid="posture-not-in-configz">
                <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">
                  {hostOnly.length} checks configz cannot answer: file permissions on the node and flags without a
                  config field (kube-bench or the node itself can)
                </summary>
                <div className="mt-2">
                  <CheckTable
                    checks={hostOnly}
                    selected={params.check}
                    onOpen={(check) => update({ check })}
                    caption="Checks that need the node itself"
                  />
                </div>
              </details>
              <p className="text-xs text-zinc-500">
                {data.benchmark.cis.name} {data.benchmark.cis.version} ({data.benchmark.cis.sections}), encoded from{' '}
                {data.benchmark.cis.encodedFrom}. {data.benchmark.stig.name} {data.benchmark.stig.version}, encoded from{' '}
                {data.benchmark.stig.encodedFrom}. Evaluated{' '}
                <time dateTime={data.fetchedAt}>{clock(data.fetchedAt)}</time>.
              </p>
            </>
          )}
        </>
      )}
    </div>
  );
}

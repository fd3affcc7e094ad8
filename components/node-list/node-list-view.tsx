'use client';

import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { EmptyState } from '@/components/empty-state';
import { StaleBanner } from '@/components/stale-banner';
import { ErrorPanel } from '@/components/error-panel';
import { Button } from '@/components/ui/button';
import { useContexts } from '@/lib/queries/contexts';
import { contextKeys } from '@/lib/queries/keys';
import { useFleetStream } from '@/lib/queries/fleet-stream';
import { useNodeList } from '@/lib/queries/nodes';
import { postureQuery, usePosture } from '@/lib/queries/posture';
import { headroomByNode } from '@/lib/view/eviction-labels';
import { countNodes, filterNodes, nodeFacets } from '@/lib/view/node-filters';
import { orderByName, sortNodes } from '@/lib/view/node-sort';
import { hasFilters, serializeViewState } from '@/lib/view/node-view-state';
import type { NodeFirstScreen } from '@/lib/api/nodes';
import { Freshness } from './freshness';
import { NodeFiltersBar } from './node-filters-bar';
import { NodeTable } from './node-table';
import { NodeTableSkeleton } from './node-table-skeleton';
import { PartialDataBanner } from './partial-data-banner';
import type { PostureColumnData } from './posture-cell';
import { SummaryBar } from './summary-bar';
import { useNodeViewState } from './use-node-view-state';
import { useHydrated } from '@/components/use-hydrated';

/**
 * The node list page's body: loads the list for the current context and renders the view the URL asks for.
 * `serverContext` is the context the server prefetched for: the header's context switcher creates the
 * contexts query before the page's HydrationBoundary runs, and hydrating an existing query waits for an
 * effect (which never runs on the server), so the first render cannot wait for that query.
 *
 * Until GET /api/nodes answers, the page shows `firstScreen`: the server's first rows of the URL's view and its
 * fleet-wide counts, saying that the other rows are loading. A view change before then (sort, filter) waits for
 * the whole list: the server's rows are only right for the view they were rendered for.
 */
export function NodeListView({
  serverContext,
  firstScreen,
}: {
  serverContext?: string;
  firstScreen?: NodeFirstScreen;
}) {
  const queryClient = useQueryClient();
  const contexts = useContexts();
  const ctx = contexts.data?.current ?? serverContext;
  const nodes = useNodeList(ctx);
  const kubelet = useFleetStream(ctx, 'stats');
  // Asked once the rows are there: the node list's first paint never waits behind a fleet evaluation.
  const postureReport = usePosture(ctx, postureQuery({ view: 'nodes' }), { enabled: nodes.data !== undefined });
  const [view, setView] = useNodeViewState();
  const hydrated = useHydrated();
  // Remounts the filters bar (and its text box state) when filters are cleared from outside it.
  const [filtersKey, setFiltersKey] = useState(0);
  const data = nodes.data;
  // the server's first screen stands in until the whole list is here (and only for the context it was built for)
  const first = !data && firstScreen && firstScreen.context === ctx ? firstScreen : undefined;

  // Another tab (or user) switched the server's context: refetch contexts so keys follow the truth.
  const servedContext = data?.context;
  useEffect(() => {
    if (ctx && servedContext && servedContext !== ctx)
      void queryClient.invalidateQueries({ queryKey: contextKeys.all });
  }, [ctx, servedContext, queryClient]);

  const items = data?.items;
  const listCounts = useMemo(() => countNodes(items ?? []), [items]);
  const listFacets = useMemo(() => nodeFacets(items ?? []), [items]);
  const counts = first?.counts ?? listCounts;
  const facets = first?.facets ?? listFacets;
  // Collate names once per node list; each sort or filter change then sorts numbers, not strings.
  const byName = useMemo(() => orderByName(items ?? []), [items]);
  const postureData = postureReport.data;
  const postureError = postureReport.error?.message;
  const posture = useMemo((): PostureColumnData => {
    const counts = new Map(Object.entries(postureData?.nodeCounts ?? {}));
    return {
      counts,
      unreadable: new Map(Object.entries(postureData?.unreadable ?? {})),
      pending: new Set(postureData?.pending ?? []),
      loaded: postureData !== undefined,
      ...(postureError ? { error: postureError } : {}),
    };
  }, [postureData, postureError]);
  const postureFails = useMemo(() => new Map([...posture.counts].map(([name, c]) => [name, c.fail])), [posture]);
  const results = kubelet.results;
  const headroom = useMemo(() => headroomByNode(results), [results]);
  const rows = useMemo(
    () => sortNodes(filterNodes(byName, view), view.sort, view.dir, { inNameOrder: true, postureFails, headroom }),
    [byName, view, postureFails, headroom],
  );

  if (contexts.isError && !ctx) {
    return (
      <ErrorPanel
        error={contexts.error}
        what="the kubeconfig"
        title="Could not read kube contexts"
        onRetry={() => void contexts.refetch()}
      />
    );
  }
  if (nodes.isError && !data) {
    return (
      <ErrorPanel error={nodes.error} what="nodes" title="Could not list nodes" onRetry={() => void nodes.refetch()} />
    );
  }
  if (!data && !first) return <NodeTableSkeleton />;
  const head = data ?? first;
  if (!head) return <NodeTableSkeleton />;
  // the rows on screen: the whole list's, or the server's first ones when they are for this very view
  const sameView = first?.view === serializeViewState(view);
  const tableRows = data ? rows : sameView ? (first?.rows ?? null) : null;
  const shown = first ? first.shown : rows.length;

  return (
    <div
      className="flex min-h-0 flex-1 flex-col gap-4"
      data-hydrated={hydrated || undefined}
      // the whole list is here (not only the server's first screen): tests and the bench wait for it
      data-complete={data !== undefined || undefined}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SummaryBar
          counts={counts}
          shown={shown}
          notReadyActive={view.status === 'NotReady'}
          pressureActive={view.pressure === 'any'}
          cordonedActive={view.cordoned === true}
          onToggleNotReady={() => setView({ status: view.status === 'NotReady' ? undefined : 'NotReady' })}
          onTogglePressure={() => setView({ pressure: view.pressure === 'any' ? undefined : 'any' })}
          onToggleCordoned={() => setView({ cordoned: view.cordoned ? undefined : true })}
        />
        <Freshness
          updatedAt={head.stale ? Date.parse(head.fetchedAt) : first ? first.renderedAt : nodes.dataUpdatedAt}
          isFetching={nodes.isFetching}
          refreshError={nodes.isRefetchError ? nodes.error : undefined}
          onRefresh={() => void nodes.refetch()}
        />
      </div>
      <StaleBanner data={head} what="the nodes" />
      <PartialDataBanner
        part={head.metrics}
        title="Metrics unavailable"
        affects="CPU and memory usage columns are empty; everything else is current."
        loading={{
          title: 'Metrics loading',
          affects: 'CPU and memory usage columns fill in when the server has read them; everything else is current.',
        }}
      />
      <PartialDataBanner
        part={head.pods}
        title="Pods unavailable"
        affects="requests and pod counts are empty; everything else is current."
        loading={{
          title: 'Pod totals loading',
          affects: 'requests and pod counts fill in when the server has read every pod; everything else is current.',
        }}
      />
      <NodeFiltersBar key={filtersKey} view={view} roles={facets.roles} versions={facets.versions} onChange={setView} />
      {first && <FirstScreenNote first={first} sameView={sameView} />}
      {counts.total === 0 ? (
        <EmptyState title="No nodes in this cluster">
          The API server of context <span className="font-mono">{head.context}</span> returned an empty node list. Nodes
          appear here once their kubelets register.
        </EmptyState>
      ) : shown === 0 ? (
        <EmptyState
          title="No nodes match these filters"
          action={
            hasFilters(view) && (
              <Button
                onClick={() => {
                  setView({
                    q: '',
                    role: undefined,
                    status: undefined,
                    version: undefined,
                    pressure: undefined,
                    cordoned: undefined,
                  });
                  setFiltersKey((k) => k + 1);
                }}
              >
                Clear filters
              </Button>
            )
          }
        >
          {counts.total} nodes are hidden by the current filters.
        </EmptyState>
      ) : tableRows ? (
        <NodeTable
          rows={tableRows}
          rowCount={shown}
          sort={view.sort}
          dir={view.dir}
          onSortChange={(sort, dir) => setView({ sort, dir })}
          fetchedAt={head.fetchedAt}
          metrics={head.metrics}
          pods={head.pods}
          kubelet={kubelet.results}
          kubeletLive={kubelet.live}
          posture={posture}
        />
      ) : (
        <NodeTableSkeleton />
      )}
    </div>
  );
}

/**
 * Says that the table holds the server's first rows only and the rest is on its way, or why no rows are shown
 * yet (a view the server could not order, or a view changed before the whole list arrived).
 */
function FirstScreenNote({ first, sameView }: { first: NodeFirstScreen; sameView: boolean }) {
  const all = first.counts.total.toLocaleString('en-US');
  const held = first.rows?.length ?? 0;
  const rest = first.shown - held;
  const text = !sameView
    ? `Loading all ${all} nodes to show this view…`
    : first.rows === null
      ? `${first.rowsUnavailable ?? 'The server could not order this view'}: loading all ${all} nodes…`
      : rest > 0
        ? `First ${held.toLocaleString('en-US')} rows shown; loading the other ${rest.toLocaleString('en-US')}…`
        : null;
  if (!text) return null;
  return (
    <p role="status" data-testid="first-screen-note" className="text-sm text-zinc-600 dark:text-zinc-400">
      {text}
    </p>
  );
}

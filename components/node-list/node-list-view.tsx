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
import { hasFilters } from '@/lib/view/node-view-state';
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
 */
export function NodeListView({ serverContext }: { serverContext?: string }) {
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

  // Another tab (or user) switched the server's context: refetch contexts so keys follow the truth.
  const servedContext = data?.context;
  useEffect(() => {
    if (ctx && servedContext && servedContext !== ctx)
      void queryClient.invalidateQueries({ queryKey: contextKeys.all });
  }, [ctx, servedContext, queryClient]);

  const items = data?.items;
  const counts = useMemo(() => countNodes(items ?? []), [items]);
  const facets = useMemo(() => nodeFacets(items ?? []), [items]);
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
  if (!data) return <NodeTableSkeleton />;

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-4" data-hydrated={hydrated || undefined}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SummaryBar
          counts={counts}
          shown={rows.length}
          notReadyActive={view.status === 'NotReady'}
          pressureActive={view.pressure === 'any'}
          cordonedActive={view.cordoned === true}
          onToggleNotReady={() => setView({ status: view.status === 'NotReady' ? undefined : 'NotReady' })}
          onTogglePressure={() => setView({ pressure: view.pressure === 'any' ? undefined : 'any' })}
          onToggleCordoned={() => setView({ cordoned: view.cordoned ? undefined : true })}
        />
        <Freshness
          updatedAt={data.stale ? Date.parse(data.fetchedAt) : nodes.dataUpdatedAt}
          isFetching={nodes.isFetching}
          refreshError={nodes.isRefetchError ? nodes.error : undefined}
          onRefresh={() => void nodes.refetch()}
        />
      </div>
      <StaleBanner data={data} what="the nodes" />
      <PartialDataBanner
        part={data.metrics}
        title="Metrics unavailable"
        affects="CPU and memory usage columns are empty; everything else is current."
      />
      <PartialDataBanner
        part={data.pods}
        title="Pods unavailable"
        affects="requests and pod counts are empty; everything else is current."
      />
      <NodeFiltersBar key={filtersKey} view={view} roles={facets.roles} versions={facets.versions} onChange={setView} />
      {counts.total === 0 ? (
        <EmptyState title="No nodes in this cluster">
          The API server of context <span className="font-mono">{data.context}</span> returned an empty node list. Nodes
          appear here once their kubelets register.
        </EmptyState>
      ) : rows.length === 0 ? (
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
      ) : (
        <NodeTable
          rows={rows}
          sort={view.sort}
          dir={view.dir}
          onSortChange={(sort, dir) => setView({ sort, dir })}
          fetchedAt={data.fetchedAt}
          metrics={data.metrics}
          pods={data.pods}
          kubelet={kubelet.results}
          kubeletLive={kubelet.live}
          posture={posture}
        />
      )}
    </div>
  );
}

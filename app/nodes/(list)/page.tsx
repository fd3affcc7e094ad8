import type { Metadata } from 'next';
import { Suspense } from 'react';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { NodeListView } from '@/components/node-list/node-list-view';
import { NodeTableSkeleton } from '@/components/node-list/node-table-skeleton';
import { getFleetNodeList } from '@/lib/server/node-list';
import { getRequestKube, listRequestContexts } from '@/lib/server/request-kube';
import { contextsOptions } from '@/lib/queries/contexts';
import { nodeListOptions } from '@/lib/queries/nodes';
import { getQueryClient } from '@/lib/queries/query-client';

export const metadata: Metadata = { title: 'Nodes' };

/**
 * The node list (also the home page). The first screen is rendered with data fetched here on the server,
 * through the same query keys the browser then refreshes every 10 s. A failure here is not shown: the
 * browser's own fetch reports it with its reason and hint. View state (filters, sort) is read in the browser.
 */
export default async function NodesPage() {
  const queryClient = getQueryClient();
  const contexts = await listRequestContexts().catch(() => undefined);
  if (contexts) {
    queryClient.setQueryData(contextsOptions().queryKey, contexts);
    await queryClient.prefetchQuery({
      ...nodeListOptions(contexts.current),
      queryFn: async () => getFleetNodeList(await getRequestKube(contexts.current)),
    });
  }
  return (
    // Fills the viewport below the top bar so the table scrolls inside itself with its header in view.
    <div className="flex h-[calc(100dvh-6rem)] min-h-[34rem] flex-col">
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Nodes</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense fallback={<NodeTableSkeleton />}>
          <NodeListView serverContext={contexts?.current} />
        </Suspense>
      </HydrationBoundary>
    </div>
  );
}

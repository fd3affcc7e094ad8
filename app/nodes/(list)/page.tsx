import type { Metadata } from 'next';
import { preload } from 'react-dom';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { NodeListView } from '@/components/node-list/node-list-view';
import { getFirstScreenNodeList } from '@/lib/server/node-list';
import { listRequestContexts } from '@/lib/server/request-kube';
import { nodeFirstScreen } from '@/lib/view/node-first-screen';
import { parseViewState } from '@/lib/view/node-view-state';
import { contextsOptions } from '@/lib/queries/contexts';
import { getQueryClient } from '@/lib/queries/query-client';

export const metadata: Metadata = { title: 'Nodes' };

/**
 * The node list (also the home page). The server renders the first screenful of the view the URL asks for
 * (lib/view/node-first-screen.ts), never the whole fleet: at 5,000 nodes the HTML stays small and waits for
 * the node watch only. The browser then loads every node through GET /api/nodes, whose download starts with the
 * HTML (the preload), and takes over. A failure here is not shown: the browser's own fetch reports it with its
 * reason and hint.
 *
 * No Suspense boundary (and no loading.tsx): the rows are part of the document's first paint. A streamed boundary
 * is revealed at least 300 ms after the shell's first paint (the `$RC`/`$RV` batching of react-dom's streaming
 * runtime, facebook/react packages/react-dom-bindings/src/server/fizz-instruction-set/ReactDOMFizzInstructionSetShared.js),
 * so a skeleton streamed first held the rows back by that, plus the restyle and repaint of the revealed page: at
 * 5,000 nodes in Chromium the rows were painted 1.8–2.9 s after navigation with the skeleton and 1.4–1.8 s without
 * (`npm run bench -- server`). The wait for the node watch is bounded (getFirstScreenNodeList): past it the page
 * renders without rows, the list view shows its skeleton, and the browser's own fetch brings the list.
 */
export default async function NodesPage({ searchParams }: PageProps<'/nodes'>) {
  preload('/api/nodes', { as: 'fetch', crossOrigin: 'anonymous' });
  const queryClient = getQueryClient();
  const contexts = await listRequestContexts().catch(() => undefined);
  if (contexts) queryClient.setQueryData(contextsOptions().queryKey, contexts);
  const read = contexts ? await getFirstScreenNodeList(contexts.current).catch(() => undefined) : undefined;
  const firstScreen = read && nodeFirstScreen(read.list, parseViewState(await searchParams), read.readAt);
  return (
    // Fills the viewport below the top bar so the table scrolls inside itself with its header in view.
    <div className="flex h-[calc(100dvh-6rem)] min-h-[34rem] flex-col">
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Nodes</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <NodeListView serverContext={contexts?.current} firstScreen={firstScreen} />
      </HydrationBoundary>
    </div>
  );
}

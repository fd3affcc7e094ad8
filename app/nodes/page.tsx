import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NodeListView } from '@/components/node-list/node-list-view';
import { NodeTableSkeleton } from '@/components/node-list/node-table-skeleton';

export const metadata: Metadata = { title: 'Nodes' };

/** The node list (also the home page). View state lives in the URL and is read in the browser. */
export default function NodesPage() {
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Nodes</h1>
      <Suspense fallback={<NodeTableSkeleton />}>
        <NodeListView />
      </Suspense>
    </>
  );
}

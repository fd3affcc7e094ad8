import { NodeTableSkeleton } from '@/components/node-list/node-table-skeleton';

export default function Loading() {
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Nodes</h1>
      <NodeTableSkeleton />
    </>
  );
}

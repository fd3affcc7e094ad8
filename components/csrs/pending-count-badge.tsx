'use client';

import { useContexts } from '@/lib/queries/contexts';
import { usePendingCount } from '@/lib/queries/pending-count';
import { cn } from '@/lib/cn';

/**
 * Pending CSRs of the current context, for the navigation ("CSRs 3"). Amber normally, red when the count is a
 * flood for the cluster's size. Renders nothing while unknown or zero, and on error (the CSR page explains).
 */
export function PendingCountBadge({ className }: { className?: string }) {
  const ctx = useContexts().data?.current;
  const { data } = usePendingCount(ctx);
  if (!data || data.pending === 0) return null;
  return (
    <span
      data-testid="csr-pending-count"
      title={
        data.flood
          ? `${data.pending} pending CSRs: unusually many for ${data.nodeCount} nodes`
          : `${data.pending} pending CSRs`
      }
      className={cn(
        'ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full px-1.5 text-xs leading-5 font-semibold',
        data.flood ? 'bg-red-600 text-white' : 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
        className,
      )}
    >
      <span className="sr-only">, pending: </span>
      {data.pending}
    </span>
  );
}

'use client';

import { Button } from '@/components/ui/button';
import { useNow } from '@/components/use-now';
import { useHydrated } from '@/components/use-hydrated';
import { Icon } from '@/components/ui/icons';
import { cn } from '@/lib/cn';
import { describeError } from '@/lib/view/error-help';

function ago(seconds: number): string {
  if (seconds < 2) return 'just now';
  if (seconds < 120) return `${seconds} s ago`;
  return `${Math.floor(seconds / 60)} min ago`;
}

/**
 * "Updated 4 s ago", ticking every second, a spinner while refetching, and a warning when the last
 * auto-refresh failed: stale data must never look fresh.
 */
export function Freshness({
  updatedAt,
  isFetching,
  refreshError,
  onRefresh,
}: {
  /** ms epoch of the data on screen (TanStack's dataUpdatedAt) */
  updatedAt: number;
  isFetching: boolean;
  /** set when the latest refetch failed while older data is still shown */
  refreshError: unknown;
  onRefresh: () => void;
}) {
  const now = useNow();
  // Data hydrated after its staleTime starts refetching in the very first browser render; the server
  // rendered it idle, so the busy state waits for hydration to avoid a mismatch.
  const busy = useHydrated() && isFetching;
  const seconds = now === 0 ? 0 : Math.max(0, Math.floor((now - updatedAt) / 1000));
  const failed = refreshError ? describeError(refreshError, 'nodes') : undefined;
  return (
    <div className="flex items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
      {failed && (
        <span
          role="alert"
          className="flex items-center gap-1 font-medium text-amber-800 dark:text-amber-300"
          title={failed.needs}
        >
          <Icon name="alert" />
          Refresh failed ({failed.message}); showing data from {ago(seconds)}
        </span>
      )}
      <span aria-live="off" data-testid="freshness" className="tabular-nums">
        Updated <time dateTime={new Date(updatedAt).toISOString()}>{ago(seconds)}</time> · auto-refresh 10 s
      </span>
      <Button size="sm" variant="ghost" onClick={onRefresh} disabled={busy} aria-label="Refresh now">
        <Icon name="refresh" className={cn(busy && 'animate-spin')} />
        {busy ? 'Refreshing' : 'Refresh'}
      </Button>
    </div>
  );
}

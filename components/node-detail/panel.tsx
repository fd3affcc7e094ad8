'use client';

import { ErrorPanel } from '@/components/error-panel';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/cn';
import { useHydrated } from '@/components/use-hydrated';
import { useNow } from '@/components/use-now';
import { ReadAgo, type ReadPart } from './read-ago';

export interface PanelQuery {
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
  dataUpdatedAt: number;
  refetch: () => unknown;
}

/**
 * One self-contained panel: its own loading, error (the server's message and what access it needs) and stale
 * state. Data older than its refresh interval plus one interval of slack is marked stale, so a panel whose
 * refreshes keep failing never looks current.
 */
export function Panel({
  id,
  title,
  subtitle,
  query,
  intervalMs,
  errorTitle,
  what,
  actions,
  readAt,
  onRefresh,
  children,
}: {
  id: string;
  title: string;
  subtitle?: React.ReactNode;
  query: PanelQuery;
  intervalMs: number;
  errorTitle: string;
  /** the resource read, for the permission sentence ("nodes/proxy") */
  what: string;
  actions?: React.ReactNode;
  /** when each input of the panel was read by the server: shown as "read 12 s ago" (the oldest), times on hover */
  readAt?: readonly ReadPart[];
  /** the refresh button's action (re-read bypassing the server's caches); default: refetch the query */
  onRefresh?: () => unknown;
  children?: React.ReactNode;
}) {
  const now = useNow();
  // the server renders before the browser's first fetch decision: a refetch on mount must not change the hydration render
  const fetching = useHydrated() && query.isFetching;
  const hasData = query.dataUpdatedAt > 0;
  const ageMs = hasData && now > 0 ? now - query.dataUpdatedAt : 0;
  const stale = hasData && ageMs > intervalMs * 2;
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={`panel-${id}`}
      className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-950"
    >
      <header className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id={`${id}-title`} className="text-base font-semibold tracking-tight">
          {title}
        </h2>
        {subtitle && <span className="text-xs text-zinc-500">{subtitle}</span>}
        {stale && (
          <Badge
            tone="warning"
            data-testid={`stale-${id}`}
            title="Older than its refresh interval: the last refreshes failed or are slow"
          >
            <Icon name="alert" />
            stale · {Math.round(ageMs / 1000)} s old
          </Badge>
        )}
        <div className="ml-auto flex items-center gap-2">
          {readAt && <ReadAgo id={id} parts={readAt} />}
          {actions}
          <Button
            size="sm"
            variant="ghost"
            onClick={() => void (onRefresh ? onRefresh() : query.refetch())}
            disabled={fetching}
            aria-label={`Refresh ${title}`}
          >
            <Icon name="refresh" className={cn(fetching && 'animate-spin')} />
          </Button>
        </div>
      </header>
      {query.error && !hasData ? (
        <ErrorPanel error={query.error} what={what} title={errorTitle} onRetry={() => void query.refetch()} />
      ) : query.isPending && !hasData ? (
        <div className="space-y-2" aria-busy="true">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-5 w-3/4" />
        </div>
      ) : (
        <>
          {query.error ? (
            <p role="alert" className="mb-3 text-xs font-medium text-amber-800 dark:text-amber-300">
              Refresh failed: {query.error instanceof Error ? query.error.message : 'unknown error'}. Showing the last
              data.
            </p>
          ) : null}
          {children}
        </>
      )}
    </section>
  );
}

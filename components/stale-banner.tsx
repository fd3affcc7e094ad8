'use client';

import type { Staleness } from '@/lib/api/freshness';
import { Icon } from '@/components/ui/icons';
import { useClock } from '@/components/use-clock';

/**
 * "Stale since 10:41:07 — <error>" while the server's list/watch of this data is failing: the page keeps the
 * last data on screen and says how old it is and why, instead of passing it off as current. Renders nothing
 * while the data is in sync, so it disappears by itself when the API server is back.
 */
export function StaleBanner({ data, what }: { data: Staleness | undefined; what: string }) {
  const clock = useClock();
  if (!data?.stale) return null;
  const since = data.staleSince ?? data.fetchedAt;
  return (
    <section
      role="alert"
      aria-label="Data is stale"
      data-testid="stale-banner"
      className="flex gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <Icon name="alert" className="mt-0.5 size-4" />
      <div className="min-w-0">
        <p>
          <strong className="font-semibold">
            Stale since <time dateTime={since}>{clock(since)}</time>
          </strong>{' '}
          — {data.error ? data.error.message : 'the connection to the API server is failing'}
        </p>
        <p className="mt-1 text-xs opacity-90">
          Showing {what} as last read from the API server at{' '}
          <time dateTime={data.fetchedAt} title={new Date(data.fetchedAt).toISOString()}>
            {clock(data.fetchedAt)}
          </time>
          ; retrying in the background. This notice goes away when the API server answers again.
        </p>
      </div>
    </section>
  );
}

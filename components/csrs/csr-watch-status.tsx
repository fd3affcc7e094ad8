'use client';

import { Icon } from '@/components/ui/icons';
import { useHydrated } from '@/components/use-hydrated';
import type { CsrWatchStatus } from '@/lib/queries/csr-watch-status';

/** A resync shorter than this (the server's watch timeout, a 410) is routine: no "back since" note. */
const NOTABLE_OUTAGE_MS = 5000;

/**
 * Whether /csrs is live: "Live updates" while the CSR watch runs, "Live updates down since 10:41:07 — <reason>"
 * while it does not (the list then changes only on refresh, and says itself when it is stale), and "Live updates
 * back since 10:41:52 (down from 10:41:07)" after an outage, so a person who looked away knows events may have
 * been missed in between (the list was re-read when the watch came back).
 */
export function CsrWatchStatusLine({ status }: { status: CsrWatchStatus }) {
  const hydrated = useHydrated();
  const clock = (ms: number) => new Date(ms).toLocaleTimeString([], { hour12: false });
  if (!hydrated || status.state === 'connecting') return null;
  if (status.state === 'down')
    return (
      <p
        role="alert"
        data-testid="csr-watch-status"
        data-state="down"
        className="flex items-center gap-1 text-sm font-medium text-amber-800 dark:text-amber-300"
      >
        <Icon name="alert" />
        Live updates down since <time dateTime={new Date(status.since).toISOString()}>
          {clock(status.since)}
        </time> — {status.reason}. Retrying; approvals still re-check each CSR with the API server.
      </p>
    );
  const outage =
    status.outage && status.outage.to - status.outage.from >= NOTABLE_OUTAGE_MS ? status.outage : undefined;
  return (
    <p
      role="status"
      data-testid="csr-watch-status"
      data-state="live"
      className="flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400"
    >
      <span aria-hidden className="size-2 rounded-full bg-emerald-500" />
      {outage ? (
        <>
          Live updates back since <time dateTime={new Date(outage.to).toISOString()}>{clock(outage.to)}</time> (down
          from {clock(outage.from)}; the list was re-read)
        </>
      ) : (
        'Live updates'
      )}
    </p>
  );
}

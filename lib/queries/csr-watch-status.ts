/**
 * What the /csrs page knows about its live updates (the CSR watch behind GET /api/csrs/events): connecting,
 * live, or down since a time with the reason the server gave; after an outage, when it came back. Kept apart
 * from the event handling so the page can say "watch down since 10:41:07" and "back since 10:41:52".
 */
export type CsrWatchStatus =
  | { state: 'connecting' }
  | { state: 'live'; since: number; outage?: { from: number; to: number } }
  | { state: 'down'; since: number; reason: string };

/** The watch ended or could not start: down from the first failure on, with the latest reason. */
export function watchDown(prev: CsrWatchStatus, reason: string, now: number): CsrWatchStatus {
  return { state: 'down', since: prev.state === 'down' ? prev.since : now, reason };
}

/** The watch runs (again): an outage just ended is remembered, so the page can say when it was back. */
export function watchLive(prev: CsrWatchStatus, now: number): CsrWatchStatus {
  if (prev.state === 'down') return { state: 'live', since: now, outage: { from: prev.since, to: now } };
  if (prev.state === 'live') return prev;
  return { state: 'live', since: now };
}

'use client';

import { useHydrated } from './use-hydrated';

/**
 * Formats an instant as a wall-clock time: the viewer's local time once hydrated, UTC in the server render and
 * during hydration. The server knows neither the viewer's time zone nor their language, so formatting there with
 * its own would make React discard the server HTML (a hydration mismatch, React error #418).
 */
export function useClock(): (iso: string) => string {
  const hydrated = useHydrated();
  return (iso) =>
    hydrated
      ? new Date(iso).toLocaleTimeString([], { hour12: false })
      : `${new Date(iso).toISOString().slice(11, 19)} UTC`;
}

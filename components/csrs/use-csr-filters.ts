'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { parseCsrFilters, serializeCsrFilters, type CsrFilters } from './csr-filters';

/** Fired after our own pushState (the History API has no event for it). */
const FILTERS_CHANGED = 'kd-csr-filters';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(FILTERS_CHANGED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(FILTERS_CHANGED, onChange);
  };
}

/**
 * The /csrs filters, read from and written to the URL. Each change pushes a history entry, so Back undoes a
 * filter, without a server round trip (the list is filtered in the browser). The filters are read from
 * `window.location` itself, on Back/Forward (popstate) and after our own pushes: relying on Next's router to
 * pass a native pushState on to useSearchParams left the selects showing the undone filter after Back now and
 * then, when two filters were changed in quick succession (seen in CI, e2e/csr-table.spec.ts). The server render
 * and hydration read Next's searchParams, which are the same URL.
 */
export function useCsrFilters(): [CsrFilters, (patch: CsrFilters) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const search = useSyncExternalStore(
    subscribe,
    () => window.location.search,
    () => `?${searchParams.toString()}`,
  );
  const filters = useMemo(() => parseCsrFilters(new URLSearchParams(search)), [search]);
  const update = useCallback(
    (patch: CsrFilters) => {
      const qs = serializeCsrFilters({ ...parseCsrFilters(new URLSearchParams(window.location.search)), ...patch });
      window.history.pushState(null, '', qs ? `${pathname}?${qs}` : pathname);
      window.dispatchEvent(new Event(FILTERS_CHANGED));
    },
    [pathname],
  );
  return [filters, update];
}

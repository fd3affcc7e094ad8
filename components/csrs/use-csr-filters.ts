'use client';

import { useCallback, useMemo } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { parseCsrFilters, serializeCsrFilters, type CsrFilters } from './csr-filters';

/**
 * The /csrs filters, read from and written to the URL. Each change pushes a history entry, so Back undoes a
 * filter; Next's router picks up pushState without a server round trip (the list is filtered in the browser).
 */
export function useCsrFilters(): [CsrFilters, (patch: CsrFilters) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => parseCsrFilters(searchParams), [searchParams]);
  const update = useCallback(
    (patch: CsrFilters) => {
      const qs = serializeCsrFilters({ ...parseCsrFilters(new URLSearchParams(window.location.search)), ...patch });
      window.history.pushState(null, '', qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );
  return [filters, update];
}

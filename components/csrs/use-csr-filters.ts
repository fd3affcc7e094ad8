'use client';

import { useCallback, useMemo } from 'react';
import type { Route } from 'next';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { parseCsrFilters, serializeCsrFilters, type CsrFilters } from './csr-filters';

/**
 * The /csrs filters, read from and written to the URL. Each change pushes a history entry through Next's router,
 * so Back undoes a filter and the same router that pushed handles it. (A native history.pushState picked up by
 * the router left the selects showing the undone filter after Back now and then, when two filters changed in
 * quick succession: seen in CI, e2e/csr-table.spec.ts.)
 */
export function useCsrFilters(): [CsrFilters, (patch: CsrFilters) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const filters = useMemo(() => parseCsrFilters(searchParams), [searchParams]);
  const update = useCallback(
    (patch: CsrFilters) => {
      const qs = serializeCsrFilters({ ...parseCsrFilters(new URLSearchParams(window.location.search)), ...patch });
      router.push((qs ? `${pathname}?${qs}` : pathname) as Route, { scroll: false });
    },
    [pathname, router],
  );
  return [filters, update];
}

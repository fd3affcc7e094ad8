'use client';

import { useCallback, useMemo } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { parseCompareParams, serializeCompareParams, type CompareParams } from './compare-params';

/**
 * The compare view state in the URL. Changes push a history entry (a comparison is something you go back
 * from); Next's router picks up pushState without a server round trip and the query refetches for the new key.
 */
export function useCompareParams(): [CompareParams, string, (patch: Partial<CompareParams>) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const params = useMemo(() => parseCompareParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const qs = useMemo(() => serializeCompareParams(params), [params]);
  const update = useCallback(
    (patch: Partial<CompareParams>) => {
      const next = serializeCompareParams({ ...params, ...patch });
      window.history.pushState(null, '', next ? `${pathname}?${next}` : pathname);
    },
    [params, pathname],
  );
  return [params, qs, update];
}

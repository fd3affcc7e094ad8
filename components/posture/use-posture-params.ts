'use client';

import { useCallback, useMemo } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { parsePostureParams, serializePostureParams, type PostureParams } from './posture-params';

/**
 * The /posture view state in the URL. Changes push a history entry (opening a check is something you go back
 * from); Next's router picks up pushState without a server round trip and the queries refetch for the new key.
 */
export function usePostureParams(): [PostureParams, (patch: Partial<PostureParams>) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const params = useMemo(() => parsePostureParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const update = useCallback(
    (patch: Partial<PostureParams>) => {
      const next = serializePostureParams({ ...params, ...patch });
      window.history.pushState(null, '', next ? `${pathname}?${next}` : pathname);
    },
    [params, pathname],
  );
  return [params, update];
}

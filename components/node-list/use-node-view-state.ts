'use client';

import { useCallback, useMemo } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { parseViewState, serializeViewState, type NodeViewState } from '@/lib/view/node-view-state';

/**
 * The node list's view state, read from and written to the URL. Writes use history.replaceState, which
 * Next's router picks up (useSearchParams updates) without a server round trip: filtering 5,000 nodes
 * happens in the browser, and the server-rendered page does not depend on the view state.
 */
export function useNodeViewState(): [NodeViewState, (patch: Partial<NodeViewState>) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const view = useMemo(() => parseViewState(searchParams), [searchParams]);
  const update = useCallback(
    (patch: Partial<NodeViewState>) => {
      // Merge into the URL as it is now, not into `view`: the router applies replaceState in a transition,
      // so a second change right after the first (type, then pick a status) would otherwise drop the first.
      const current = parseViewState(new URLSearchParams(window.location.search));
      const qs = serializeViewState({ ...current, ...patch });
      window.history.replaceState(null, '', qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );
  return [view, update];
}

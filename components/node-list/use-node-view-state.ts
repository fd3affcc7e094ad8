'use client';

import { useCallback, useMemo, useRef } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { parseViewState, serializeViewState, type NodeViewState } from '@/lib/view/node-view-state';

/**
 * The node list's view state, read from and written to the URL. Each filter or sort change pushes a history
 * entry, so Back undoes it; typing in the filter box is one entry per burst of typing (the first keystroke
 * pushes, the following ones replace), not one per letter. Next's router picks up pushState/replaceState
 * (useSearchParams updates) without a server round trip: filtering 5,000 nodes happens in the browser, and
 * the server-rendered page does not depend on the view state.
 */
export function useNodeViewState(): [NodeViewState, (patch: Partial<NodeViewState>) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const view = useMemo(() => parseViewState(searchParams), [searchParams]);
  /** the URL this hook last wrote for a text-only change: the next keystroke on that same entry replaces it */
  const typedUrl = useRef<string | null>(null);
  const update = useCallback(
    (patch: Partial<NodeViewState>) => {
      // Merge into the URL as it is now, not into `view`: the router applies replaceState in a transition,
      // so a second change right after the first (type, then pick a status) would otherwise drop the first.
      const current = parseViewState(new URLSearchParams(window.location.search));
      const qs = serializeViewState({ ...current, ...patch });
      const url = qs ? `${pathname}?${qs}` : pathname;
      const typing = Object.keys(patch).length === 1 && 'q' in patch;
      const here = `${window.location.pathname}${window.location.search}`;
      if (typing && typedUrl.current === here) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      typedUrl.current = typing ? url : null;
    },
    [pathname],
  );
  return [view, update];
}

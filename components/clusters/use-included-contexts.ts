'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { parseContextsParam } from '@/lib/api/clusters';

/** localStorage key of the saved selection (context names only: nothing secret). */
const SAVED_KEY = 'kd-clusters-selection';
const listeners = new Set<() => void>();

function readSaved(): string | null {
  try {
    return window.localStorage.getItem(SAVED_KEY);
  } catch {
    return null; // storage disabled: no saved selection
  }
}

/**
 * Which contexts the overview includes: `?contexts=a,b` in the URL wins (shareable), else the selection saved in
 * this browser, else every context (an empty list). `known` drops saved names the kubeconfig no longer has.
 */
export function useIncludedContexts(known: readonly string[] | undefined) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const saved = useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    readSaved,
    () => null,
  );
  const fromUrl = parseContextsParam(search.get('contexts'));
  const fromSaved = saved === null ? undefined : parseContextsParam(saved);
  const raw = fromUrl ?? fromSaved ?? [];
  const included = known ? raw.filter((n) => known.includes(n)) : raw;

  const setIncluded = useCallback(
    (names: readonly string[]) => {
      const params = new URLSearchParams(search.toString());
      params.set('contexts', names.join(','));
      router.replace(`${pathname}?${params.toString()}`, { scroll: false });
    },
    [router, pathname, search],
  );
  const save = useCallback((names: readonly string[]) => {
    try {
      if (names.length === 0) window.localStorage.removeItem(SAVED_KEY);
      else window.localStorage.setItem(SAVED_KEY, names.join(','));
    } catch {
      // storage disabled: the URL still carries the selection
    }
    for (const l of listeners) l();
  }, []);
  return {
    included,
    source: fromUrl ? 'url' : fromSaved ? 'saved' : 'all',
    savedValue: fromSaved,
    setIncluded,
    save,
  } as const;
}

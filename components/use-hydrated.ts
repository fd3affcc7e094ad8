'use client';

import { useSyncExternalStore } from 'react';

const noopSubscribe = () => () => {};

/**
 * False during the server render and hydration, true once React owns the DOM. Used to mark interactive
 * regions `data-hydrated` so end-to-end tests (and only they) can wait before typing into a control.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}

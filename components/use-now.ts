'use client';

import { useSyncExternalStore } from 'react';

/**
 * One shared 1 s clock for "updated N s ago", stale markers and ages: a single interval however many components
 * are mounted. 0 on the server so the first render is deterministic; the browser takes over after hydration.
 */
let nowMs = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  if (!timer) {
    nowMs = Date.now();
    timer = setInterval(() => {
      nowMs = Date.now();
      listeners.forEach((l) => l());
    }, 1000);
  }
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Epoch ms from the shared clock; 0 during the server render and hydration (format nothing until it runs). */
export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => nowMs || Date.now(),
    () => 0,
  );
}

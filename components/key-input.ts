import type { KeyInput } from '@/lib/view/keyboard-shortcuts';

/** A keydown event as plain data (its modifier flags are prototype getters, which a spread would drop). */
export function keyInput(e: KeyboardEvent): KeyInput {
  return {
    key: e.key,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
    isComposing: e.isComposing,
    target: e.target instanceof HTMLElement ? e.target : null,
  };
}

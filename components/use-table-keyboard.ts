'use client';

import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { keyInput } from './key-input';
import { shortcutFor } from '@/lib/view/keyboard-shortcuts';

interface Options {
  /** CSS selector of the table's data rows inside the container, in display order */
  rowSelector: string;
  /** attribute naming a row (node name, CSR name): focus follows the name across re-renders */
  keyAttribute: string;
}

const listRows = (el: HTMLElement | null, selector: string) => [...(el?.querySelectorAll<HTMLElement>(selector) ?? [])];

function focusRow(row: HTMLElement | undefined) {
  if (!row) return;
  if (!row.hasAttribute('tabindex')) row.tabIndex = -1; // focusable by script only: no extra Tab stops
  row.focus({ preventScroll: true });
  row.scrollIntoView({ block: 'nearest' });
}

/** Whether the page has a modal open (a dialog takes the keys while it is). */
const modalOpen = () => document.querySelector('dialog[open], [aria-modal="true"]') !== null;

/**
 * Keyboard for a table, one hook for every table of the app: `j`/`k` move focus to the next/previous row (the
 * row itself takes focus, scrolled into view; a virtualized table renders rows ahead of the viewport, so the next
 * one is there), Enter on a focused row opens its first link. `keepFocusAfter(key)` is for row actions (Approve):
 * when the action takes focus away (its button is disabled or removed), focus goes to the next row rather than
 * dropping to `<body>`, so a keyboard user carries on down the list. Keys never fire while typing
 * (lib/view/keyboard-shortcuts.ts).
 */
export function useTableKeyboard(container: RefObject<HTMLElement | null>, { rowSelector, keyAttribute }: Options) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(keyInput(e));
      if ((action !== 'next' && action !== 'previous') || modalOpen()) return;
      const all = listRows(container.current, rowSelector);
      if (all.length === 0) return;
      const current = all.findIndex((r) => r.contains(document.activeElement));
      const next = current === -1 ? 0 : Math.max(0, Math.min(all.length - 1, current + (action === 'next' ? 1 : -1)));
      e.preventDefault();
      focusRow(all[next]);
    };
    const onEnter = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.target instanceof HTMLElement) || !e.target.matches(rowSelector)) return;
      const link = e.target.querySelector<HTMLAnchorElement>('a[href]');
      if (!link) return;
      e.preventDefault();
      link.click();
    };
    const el = container.current;
    document.addEventListener('keydown', onKey);
    el?.addEventListener('keydown', onEnter);
    return () => {
      document.removeEventListener('keydown', onKey);
      el?.removeEventListener('keydown', onEnter);
    };
  }, [container, rowSelector]);

  const watch = useRef<MutationObserver | undefined>(undefined);
  useEffect(() => () => watch.current?.disconnect(), []);

  const keepFocusAfter = useCallback(
    (key: string) => {
      const all = listRows(container.current, rowSelector);
      const at = all.findIndex((r) => r.getAttribute(keyAttribute) === key);
      if (at === -1) return;
      const target = (all[at + 1] ?? all[at - 1])?.getAttribute(keyAttribute);
      if (!target || !container.current) return;
      const lost = () => {
        const a = document.activeElement;
        return !a || a === document.body || (a instanceof HTMLButtonElement && a.disabled) || !a.isConnected;
      };
      const restore = () => {
        if (!lost()) return false;
        focusRow(listRows(container.current, rowSelector).find((r) => r.getAttribute(keyAttribute) === target));
        return true;
      };
      watch.current?.disconnect();
      const observer = new MutationObserver(() => {
        if (restore()) observer.disconnect();
      });
      observer.observe(container.current, { subtree: true, childList: true, attributes: true });
      watch.current = observer;
      // the action's wait is bounded: a later, unrelated focus loss must not pull focus back into the table
      setTimeout(() => observer.disconnect(), 15_000);
    },
    [container, keyAttribute, rowSelector],
  );

  return { keepFocusAfter };
}

'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { focusRing } from '@/components/ui/focus';
import { cn } from '@/lib/cn';
import { SHORTCUTS, shortcutFor } from '@/lib/view/keyboard-shortcuts';
import { keyInput } from './key-input';

/** The page's filter: the search box of its main content (node list, CSRs, compare, posture). */
const pageFilter = () =>
  document.querySelector<HTMLInputElement>('main [role="search"] input, main input[type="search"]');

/**
 * Page-wide shortcuts: `/` focuses the page's filter, `?` opens the list of shortcuts. The list is a native
 * modal `<dialog>` (focus moves into it and stays, Escape closes it, focus returns to where it was); a button
 * shown on keyboard focus right after the skip link opens it too. Table keys (j/k/Enter) live in
 * useTableKeyboard.
 */
export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(keyInput(e));
      if (dialog.current?.open) return;
      if (action === 'help') {
        e.preventDefault();
        dialog.current?.showModal();
      } else if (action === 'focus') {
        const input = pageFilter();
        if (!input) return;
        e.preventDefault(); // or the slash lands in the box
        input.focus();
        input.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className={cn(
          'sr-only z-50 rounded-md bg-sky-600 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2',
          focusRing,
        )}
      >
        Keyboard shortcuts (?)
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="shortcuts-title"
        className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id="shortcuts-title" className="mb-3 text-base font-semibold">
          Keyboard shortcuts
        </h2>
        <table className="w-full text-sm">
          <caption className="sr-only">Keys and what they do</caption>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action} className="border-t border-zinc-100 dark:border-zinc-800">
                <th scope="row" className="py-1.5 pr-4 text-left font-normal whitespace-nowrap">
                  {s.keys.map((k) => (
                    <kbd
                      key={k}
                      className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-800"
                    >
                      {k}
                    </kbd>
                  ))}
                </th>
                <td className="py-1.5">{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
          Single keys do nothing while you type in a field. Tab moves from a focused row into its links and buttons.
        </p>
        <form method="dialog" className="mt-4 flex justify-end">
          <Button type="submit" autoFocus>
            Close
          </Button>
        </form>
      </dialog>
    </>
  );
}

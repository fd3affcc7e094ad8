'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';
import { SHORTCUTS } from '@/lib/view/keyboard-shortcuts';

/**
 * The list of shortcuts as a native modal `<dialog>`: opened as it mounts (focus moves into it and stays, Escape
 * closes it, the browser returns focus to where it was), `onClose` once it is closed. Loaded on first use by
 * ./keyboard-shortcuts.tsx: nobody needs it to see the first screen.
 */
export default function KeyboardShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    d.showModal();
    d.addEventListener('close', onClose);
    return () => d.removeEventListener('close', onClose);
  }, [onClose]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="shortcuts-title" className="mb-3 text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <Table density="inline">
        <caption className="sr-only">Keys and what they do</caption>
        <TableBody>
          {SHORTCUTS.map((s) => (
            <TableRow key={s.action}>
              <TableHead scope="row" className="py-1.5 pr-4 text-left font-normal whitespace-nowrap">
                {s.keys.map((k) => (
                  <kbd
                    key={k}
                    className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-800"
                  >
                    {k}
                  </kbd>
                ))}
              </TableHead>
              <TableCell className="py-1.5 pr-0">{s.description}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
        Single keys do nothing while you type in a field. Tab moves from a focused row into its links and buttons.
      </p>
      <form method="dialog" className="mt-4 flex justify-end">
        <Button type="submit" autoFocus>
          Close
        </Button>
      </form>
    </dialog>
  );
}

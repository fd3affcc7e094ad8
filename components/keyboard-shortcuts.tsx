'use client';

import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { focusRing } from '@/components/ui/focus';
import { cn } from '@/lib/cn';
import { shortcutFor } from '@/lib/view/keyboard-shortcuts';
import { keyInput } from './key-input';

/**
 * The list itself is fetched the first time someone asks for it (issue 20: not on the first screen). If that fetch
 * fails (the dashboard server is gone), nothing opens and the keys keep working; it must not take the page down.
 */
type DialogModule = { default: (props: { onClose: () => void }) => React.ReactNode };
const KeyboardShortcutsDialog = lazy((): Promise<DialogModule> =>
  import('./keyboard-shortcuts-dialog').catch(() => ({ default: NoDialog })),
);

function NoDialog({ onClose }: { onClose: () => void }) {
  useEffect(onClose, [onClose]);
  return null;
}

/** The page's filter: the search box of its main content (node list, CSRs, compare, posture). */
const pageFilter = () =>
  document.querySelector<HTMLInputElement>('main [role="search"] input, main input[type="search"]');

/**
 * Page-wide shortcuts: `/` focuses the page's filter, `?` opens the list of shortcuts (./keyboard-shortcuts-dialog.tsx,
 * a native modal `<dialog>`); a button shown on keyboard focus right after the skip link opens it too. Table keys
 * (j/k/Enter) live in useTableKeyboard.
 */
export function KeyboardShortcuts() {
  const [helpOpen, setHelpOpen] = useState(false);
  // read by the key listener, which is registered once
  const helpOpenRef = useRef(false);
  const openHelp = useCallback(() => {
    helpOpenRef.current = true;
    setHelpOpen(true);
  }, []);
  const closeHelp = useCallback(() => {
    helpOpenRef.current = false;
    setHelpOpen(false);
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (helpOpenRef.current) return;
      const action = shortcutFor(keyInput(e));
      if (action === 'help') {
        e.preventDefault();
        openHelp();
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
  }, [openHelp]);

  return (
    <>
      <button
        type="button"
        onClick={openHelp}
        className={cn(
          'sr-only z-50 rounded-md bg-sky-600 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2',
          focusRing,
        )}
      >
        Keyboard shortcuts (?)
      </button>
      {helpOpen && (
        <Suspense fallback={null}>
          <KeyboardShortcutsDialog onClose={closeHelp} />
        </Suspense>
      )}
    </>
  );
}

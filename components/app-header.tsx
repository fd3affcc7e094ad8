import Link from 'next/link';
import type { Viewer } from '@/lib/api/viewer';
import type { Theme } from '@/lib/view/theme';
import { SessionBadge } from './auth/session-badge';
import { ContextSwitcher } from './context-switcher';
import { NavLinks } from './nav-links';
import { ThemeToggle } from './theme-toggle';
import { focusRing } from './ui/focus';

/**
 * Top bar: product name, main navigation, the kube context every page reads from, the theme and, in shared mode,
 * who is signed in. Below `md` it wraps: the controls under the name, the navigation on a row of its own that
 * scrolls sideways by itself, so the page never does (a 390 px phone keeps the context switcher in view).
 */
export function AppHeader({ viewer, theme }: { viewer: Viewer; theme: Theme }) {
  const { signedOut } = viewer;
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/95 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
      <div className="flex min-h-14 flex-wrap items-center gap-x-6 gap-y-2 px-4 pt-2 sm:px-6 md:flex-nowrap md:pt-0">
        <Link href="/nodes" className={`flex items-center gap-2 rounded text-sm font-semibold ${focusRing}`}>
          <span aria-hidden className="grid size-6 place-items-center rounded bg-sky-600 font-mono text-xs text-white">
            k
          </span>
          Kubelet dashboard
        </Link>
        {!signedOut && (
          <div className="relative order-last -mx-4 w-[calc(100%+2rem)] overflow-x-auto px-1 md:order-none md:mx-0 md:w-auto md:px-0">
            <NavLinks />
          </div>
        )}
        <div className="ml-auto flex flex-wrap items-center justify-end gap-x-4 gap-y-2">
          {!signedOut && <ContextSwitcher />}
          <ThemeToggle initial={theme} />
          <SessionBadge session={viewer.session} />
        </div>
      </div>
    </header>
  );
}

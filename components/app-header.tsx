import Link from 'next/link';
import type { Viewer } from '@/lib/api/viewer';
import { SessionBadge } from './auth/session-badge';
import { ContextSwitcher } from './context-switcher';
import { NavLinks } from './nav-links';
import { focusRing } from './ui/focus';

/** Top bar: product name, main navigation, the kube context every page reads from and, in shared mode, who is signed in. */
export function AppHeader({ viewer }: { viewer: Viewer }) {
  const { signedOut } = viewer;
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/95 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
      <div className="flex h-14 items-center gap-6 px-4 sm:px-6">
        <Link href="/nodes" className={`flex items-center gap-2 rounded text-sm font-semibold ${focusRing}`}>
          <span aria-hidden className="grid size-6 place-items-center rounded bg-sky-600 font-mono text-xs text-white">
            k
          </span>
          Kubelet dashboard
        </Link>
        {!signedOut && <NavLinks />}
        <div className="ml-auto flex items-center gap-4">
          {!signedOut && <ContextSwitcher />}
          <SessionBadge session={viewer.session} />
        </div>
      </div>
    </header>
  );
}

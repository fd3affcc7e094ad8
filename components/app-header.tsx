import Link from 'next/link';
import { ContextSwitcher } from './context-switcher';
import { NavLinks } from './nav-links';
import { focusRing } from './ui/focus';

/** Top bar: product name, main navigation and the kube context every page reads from. */
export function AppHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/95 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
      <div className="flex h-14 items-center gap-6 px-4 sm:px-6">
        <Link href="/nodes" className={`flex items-center gap-2 rounded text-sm font-semibold ${focusRing}`}>
          <span aria-hidden className="grid size-6 place-items-center rounded bg-sky-600 font-mono text-xs text-white">
            k
          </span>
          Kubelet dashboard
        </Link>
        <NavLinks />
        <div className="ml-auto">
          <ContextSwitcher />
        </div>
      </div>
    </header>
  );
}

'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';
import { PendingCountBadge } from './csrs/pending-count-badge';
import { focusRing } from './ui/focus';

const LINKS = [
  { href: '/clusters', label: 'Clusters' },
  { href: '/nodes', label: 'Nodes' },
  { href: '/compare', label: 'Compare' },
  { href: '/posture', label: 'Posture' },
  { href: '/csrs', label: 'CSRs' },
] as const;

/** Top navigation; the current section is marked with aria-current, not colour alone (underline too). */
export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex items-center gap-1">
        {LINKS.map(({ href, label }) => {
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'inline-flex h-11 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap md:h-14',
                  focusRing,
                  'focus-visible:outline-offset-[-4px]',
                  current
                    ? 'border-sky-600 text-zinc-900 dark:border-sky-400 dark:text-white'
                    : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white',
                )}
              >
                {label}
                {href === '/csrs' && <PendingCountBadge />}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

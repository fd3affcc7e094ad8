import { cn } from '@/lib/cn';

/**
 * Small inline icons (one path each, to keep the virtualized table's DOM small). Decorative: the text next
 * to them carries the meaning, so they are aria-hidden.
 */
const PATHS = {
  check: 'M4 10.5l4 4 8-9',
  cross: 'M5 5l10 10M15 5L5 15',
  alert: 'M10 3l8 14H2L10 3zm0 5v4m0 2.5v.5',
  pause: 'M7 4v12M13 4v12',
  question: 'M7.5 7.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.6V12m0 3v.5',
  arrowUp: 'M10 16V4m-5 5l5-5 5 5',
  arrowDown: 'M10 4v12m-5-5l5 5 5-5',
  sort: 'M7 8l3-3 3 3M7 12l3 3 3-3',
  refresh: 'M16 10a6 6 0 1 1-1.8-4.3M16 3v4h-4',
  info: 'M10 9v5m0-8v.5M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16z',
  search: 'M9 15a6 6 0 1 0 0-12 6 6 0 0 0 0 12zm4.5-1.5L17 17',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={cn('size-3.5 shrink-0', className)}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

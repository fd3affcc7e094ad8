import { cn } from '@/lib/cn';

/** A placeholder block shown while data loads; hidden from assistive tech (the region says "Loading"). */
export function Skeleton({ className, style }: { className?: string; style?: React.CSSProperties }) {
  return (
    <div aria-hidden style={style} className={cn('animate-pulse rounded bg-zinc-200 dark:bg-zinc-800', className)} />
  );
}

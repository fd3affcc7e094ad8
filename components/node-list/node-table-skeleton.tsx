import { Skeleton } from '@/components/ui/skeleton';

/** Placeholder for the summary, filters and table while the first node list loads. */
export function NodeTableSkeleton() {
  return (
    <div role="status" aria-label="Loading nodes" className="flex flex-col gap-4">
      <div className="flex gap-2">
        {[20, 24, 32, 24].map((w, i) => (
          <Skeleton key={i} className="h-8" style={{ width: `${w * 0.25}rem` }} />
        ))}
      </div>
      <div className="flex gap-3">
        <Skeleton className="h-9 w-72" />
        <Skeleton className="h-9 w-28" />
        <Skeleton className="h-9 w-28" />
        <Skeleton className="h-9 w-32" />
      </div>
      <div className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
        <div className="h-10 border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900" />
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="flex h-11 items-center gap-6 border-b border-zinc-100 px-4 dark:border-zinc-800/70">
            <Skeleton className="h-4 w-44" />
            <Skeleton className="h-4 w-16" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 flex-1" />
          </div>
        ))}
      </div>
      <span className="sr-only">Loading nodes…</span>
    </div>
  );
}

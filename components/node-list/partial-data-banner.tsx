import type { PartAvailability } from '@/lib/api/partial';
import { Icon } from '@/components/ui/icons';

/**
 * Says that part of the page is missing and why (metrics-server absent, pods forbidden), while the rest of
 * the page keeps working. The hint is what the user needs: a component, a permission.
 */
export function PartialDataBanner({
  part,
  title,
  affects,
  loading,
}: {
  part: PartAvailability;
  title: string;
  affects: string;
  /** said instead while the server is still loading the part (a cold server), which is not a failure */
  loading?: { title: string; affects: string };
}) {
  if (part.available) return null;
  if (loading && part.reason === 'Loading') ({ title, affects } = loading);
  return (
    <section
      aria-label={title}
      className="flex gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <Icon name="info" className="mt-0.5 size-4" />
      <div className="min-w-0">
        <p>
          <strong className="font-semibold">{title}</strong> — {affects}
        </p>
        <p className="mt-1 font-mono text-xs break-words opacity-90">
          {part.reason} ({part.code}): {part.message}
        </p>
        {part.hint && (
          <p className="mt-1">
            <span className="font-semibold">Needs: </span>
            {part.hint}
          </p>
        )}
      </div>
    </section>
  );
}

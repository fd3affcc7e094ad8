import { cn } from '@/lib/cn';
import { percentLevel } from '@/lib/view/percent';

const FILL = {
  ok: 'after:bg-sky-500 dark:after:bg-sky-400',
  warn: 'after:bg-amber-500 dark:after:bg-amber-400',
  critical: 'after:bg-red-600 dark:after:bg-red-500',
} as const;

/**
 * A percentage with a thin bar under it. The bar is drawn with ::before/::after on the text's own element,
 * so each of the 4 percent cells in a row costs one DOM node (the table must stay small at 5,000 nodes).
 * `unavailable` explains a missing value instead of pretending it is 0 %.
 */
export function PercentValue({
  percent,
  detail,
  unavailable,
  label,
}: {
  percent: number | undefined;
  /** text instead of "N%" (the pods column prints "12 / 110") */
  label?: string;
  /** absolute numbers for the tooltip: "1.2 of 3.8 cores" */
  detail?: string;
  /** short reason shown in place of the number */
  unavailable?: string;
}) {
  if (percent === undefined) {
    return (
      <span className="text-xs leading-tight text-zinc-500 italic dark:text-zinc-400" title={detail}>
        {unavailable ?? '—'}
      </span>
    );
  }
  const level = percentLevel(percent);
  return (
    <span
      title={detail}
      style={{ '--pct': Math.min(percent, 100) / 100 } as React.CSSProperties}
      className={cn(
        'relative block w-full pb-1.5 text-sm tabular-nums',
        'before:absolute before:inset-x-0 before:bottom-0 before:h-1 before:rounded-full before:bg-zinc-200 dark:before:bg-zinc-800',
        'after:absolute after:bottom-0 after:left-0 after:h-1 after:w-[calc(100%*var(--pct))] after:rounded-full',
        FILL[level],
        level === 'critical' && 'font-semibold text-red-700 dark:text-red-300',
      )}
    >
      {label ?? `${percent}%`}
    </span>
  );
}

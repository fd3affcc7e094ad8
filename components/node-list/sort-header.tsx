import { cn } from '@/lib/cn';
import { focusRing } from '@/components/ui/focus';
import { Icon } from '@/components/ui/icons';
import type { NodeColumn } from './node-columns';

/** A column header whose label is a real button: Enter/Space sort, aria-sort says the current order. */
export function SortHeader({
  column,
  sorted,
  onSort,
}: {
  column: NodeColumn;
  /** the column's current order, false when the table is sorted by another column */
  sorted: false | 'asc' | 'desc';
  onSort: () => void;
}) {
  const { description } = column;
  return (
    <div
      role="columnheader"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
      className="flex min-w-0 items-center"
    >
      <button
        type="button"
        onClick={onSort}
        title={description ? `${description}. Sort by this column.` : 'Sort by this column'}
        className={cn(
          'group flex min-w-0 items-center gap-1 rounded px-1 py-1 text-left text-xs font-semibold text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white',
          sorted && 'text-zinc-900 dark:text-white',
          focusRing,
        )}
      >
        <span className="truncate">{column.header}</span>
        {/* Unsorted columns show the sort hint on hover/focus only, leaving narrow headers their full label. */}
        <Icon
          name={sorted === 'asc' ? 'arrowUp' : sorted === 'desc' ? 'arrowDown' : 'sort'}
          className={cn('size-3', !sorted && 'hidden opacity-50 group-hover:block group-focus-visible:block')}
        />
      </button>
    </div>
  );
}

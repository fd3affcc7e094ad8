'use client';

import { useMemo, useRef } from 'react';
import type { NodeRow } from '@/lib/api/nodes';
import { cn } from '@/lib/cn';
import { focusRing } from '@/components/ui/focus';
import { kubectlStatus } from '@/lib/view/node-filters';
import type { SortColumn } from '@/lib/view/node-view-state';
import { GRID_TEMPLATE, TABLE_MIN_WIDTH, nodeColumns, type ColumnContext } from './node-columns';
import { SortHeader } from './sort-header';
import { useTableKeyboard } from '@/components/use-table-keyboard';
import { useRowWindow } from './use-row-window';

/** Fixed row height: rows are positioned arithmetically (useRowWindow), no measuring. */
const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 40;

interface NodeTableProps extends ColumnContext {
  /** already filtered and sorted (sortNodes) */
  rows: NodeRow[];
  /**
   * rows in the view when `rows` holds only its first ones (the server's first screen): the table is that tall and
   * says that many to assistive tech; rows past `rows` fill in when the whole list arrives
   */
  rowCount?: number;
  sort: SortColumn;
  dir: 'asc' | 'desc';
  onSortChange: (sort: SortColumn, dir: 'asc' | 'desc') => void;
}

/**
 * The node table: columns from nodeColumns, rows (already sorted) windowed by useRowWindow. Only the visible
 * rows plus a small overscan are in the DOM, so 5,000 nodes cost about as much as 20. ARIA table roles
 * with aria-rowcount/aria-rowindex tell assistive tech the real size.
 */
export function NodeTable({
  rows,
  rowCount,
  sort,
  dir,
  onSortChange,
  fetchedAt,
  metrics,
  pods,
  kubelet,
  kubeletLive,
  posture,
}: NodeTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  useTableKeyboard(scrollRef, { rowSelector: '[role="row"][data-node]', keyAttribute: 'data-node' });
  const columns = useMemo(
    () => nodeColumns({ fetchedAt, metrics, pods, kubelet, kubeletLive, posture }),
    [fetchedAt, metrics, pods, kubelet, kubeletLive, posture],
  );
  const count = Math.max(rowCount ?? 0, rows.length);
  const { start, end } = useRowWindow(scrollRef, {
    count,
    rowHeight: ROW_HEIGHT,
    rowsTop: HEADER_HEIGHT, // rows start below the sticky header inside the scroll container
    overscan: 4,
    initialHeight: 600, // server render: draw the first screenful
  });
  const indexes = Array.from({ length: end - start }, (_, i) => start + i);

  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label="Nodes"
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      tabIndex={0}
      className={cn('min-h-60 overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800', focusRing)}
    >
      <div
        role="rowgroup"
        className="sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
        style={{ minWidth: TABLE_MIN_WIDTH }}
      >
        <div
          role="row"
          aria-rowindex={1}
          className="grid"
          style={{ gridTemplateColumns: GRID_TEMPLATE, height: HEADER_HEIGHT }}
        >
          {columns.map((column) => (
            <SortHeader
              key={column.id}
              column={column}
              sorted={column.id === sort && dir}
              // the sorted column flips; another column starts in its own first direction
              onSort={() =>
                onSortChange(column.id, column.id === sort ? (dir === 'asc' ? 'desc' : 'asc') : column.firstDir)
              }
            />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="relative" style={{ height: count * ROW_HEIGHT, minWidth: TABLE_MIN_WIDTH }}>
        {indexes.map((index) => {
          const node = rows[index];
          if (!node) return null;
          const notReady = kubectlStatus(node) === 'NotReady';
          return (
            <div
              key={node.name}
              role="row"
              aria-rowindex={index + 2}
              data-node={node.name}
              className={cn(
                'absolute inset-x-0 top-0 grid border-b border-l-4 border-zinc-100 text-sm dark:border-zinc-800/70',
                'focus:outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600 dark:focus-visible:outline-sky-400',
                notReady
                  ? 'border-l-red-600 bg-red-50 dark:border-l-red-500 dark:bg-red-950/35'
                  : node.pressures.length > 0
                    ? 'border-l-amber-500 bg-amber-50/60 dark:bg-amber-950/25'
                    : 'border-l-transparent hover:bg-zinc-50 dark:hover:bg-zinc-900/60',
              )}
              style={{
                gridTemplateColumns: GRID_TEMPLATE,
                height: ROW_HEIGHT,
                transform: `translateY(${index * ROW_HEIGHT}px)`,
              }}
            >
              {columns.map(({ id, cell: Cell }) => (
                <div key={id} role="cell" className="flex min-w-0 items-center px-1">
                  <Cell node={node} />
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

'use client';

import { createContext, useContext } from 'react';
import { cn } from '@/lib/cn';

/**
 * Table primitives (shadcn/ui's Table split, variants from one table + `cn()`): a `<table>` whose density sets
 * the padding of every header and cell inside it, a header band, and rows separated by a hairline. Components pass
 * what is theirs (alignment, mono fonts, widths) as `className`; spacing and colours come from here.
 */
const DENSITY = {
  /** full-page lists (CSRs, explain results) */
  roomy: { head: 'px-3 py-2', cell: 'px-3 py-2' },
  /** lists in dialogs and result tables: roomy headers, tighter rows */
  normal: { head: 'px-3 py-2', cell: 'px-3 py-1.5' },
  /** tables inside panels */
  compact: { head: 'px-3 py-1', cell: 'px-3 py-1' },
  tight: { head: 'px-2 py-1', cell: 'px-2 py-1' },
  /** label/value lists without outer padding (conditions) */
  inline: { head: 'py-1 pr-3', cell: 'py-1 pr-3' },
} as const;

const SIZE = { sm: 'text-sm', xs: 'text-xs' } as const;

const HEADER = {
  /** a shaded band of small muted labels: standalone lists */
  shaded: 'bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400',
  /** the band only, labels in the body's colour: headers that carry content (compare's node columns) */
  band: 'bg-zinc-50 dark:bg-zinc-900',
  /** muted labels only: tables inside a panel that already has a frame */
  plain: 'text-xs text-zinc-500',
} as const;

type Density = keyof typeof DENSITY;
const DensityContext = createContext<Density>('roomy');

/**
 * Merged classes per (cell kind, density, className): a compare table renders thousands of cells from a handful of
 * distinct class lists, and tailwind-merge on each one was most of its render time.
 */
const merged = new Map<string, string>();
function cellClass(kind: 'head' | 'cell', density: Density, className: string | undefined): string {
  const key = `${kind}|${density}|${className ?? ''}`;
  let value = merged.get(key);
  if (value === undefined) {
    value = cn(DENSITY[density][kind], kind === 'head' && 'font-medium', className);
    merged.set(key, value);
  }
  return value;
}

export function Table({
  density = 'roomy',
  size = 'sm',
  className,
  ...props
}: React.TableHTMLAttributes<HTMLTableElement> & { density?: Density; size?: keyof typeof SIZE }) {
  return (
    <DensityContext value={density}>
      <table className={cn('w-full text-left', SIZE[size], className)} {...props} />
    </DensityContext>
  );
}

export function TableHeader({
  tone = 'shaded',
  className,
  ...props
}: React.HTMLAttributes<HTMLTableSectionElement> & { tone?: keyof typeof HEADER }) {
  return <thead className={cn(HEADER[tone], className)} {...props} />;
}

export function TableBody(props: React.HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody {...props} />;
}

/** A row with a hairline above it (`separated={false}` when the body draws dividers itself). */
export function TableRow({
  separated = true,
  className,
  ...props
}: React.HTMLAttributes<HTMLTableRowElement> & { separated?: boolean }) {
  return <tr className={cn(separated && 'border-t border-zinc-100 dark:border-zinc-800', className)} {...props} />;
}

/** A header cell (`<th>`), padded for the table's density. */
export function TableHead({ className, ...props }: React.ThHTMLAttributes<HTMLTableCellElement>) {
  return <th className={cellClass('head', useContext(DensityContext), className)} {...props} />;
}

/** A data cell (`<td>`), padded for the table's density. */
export function TableCell({ className, ...props }: React.TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cellClass('cell', useContext(DensityContext), className)} {...props} />;
}

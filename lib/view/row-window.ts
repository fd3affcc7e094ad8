/**
 * Which rows of a list with one fixed row height to put in the DOM: those the viewport shows plus `overscan`
 * either side. With every row `rowHeight` tall, row i sits at `rowsTop + i × rowHeight` of the scroll content, so
 * the window is arithmetic: no measuring (the node table's rows are a fixed 44 px; components/node-list/node-table.tsx).
 * `end` is exclusive.
 */
export function rowWindow(p: {
  count: number;
  rowHeight: number;
  /** where the first row starts in the scroll content (below a sticky header) */
  rowsTop: number;
  scrollTop: number;
  viewportHeight: number;
  overscan: number;
}): { start: number; end: number } {
  if (p.count <= 0 || p.rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, p.scrollTop - p.rowsTop);
  const bottom = Math.max(0, p.scrollTop - p.rowsTop + Math.max(0, p.viewportHeight));
  const first = Math.floor(top / p.rowHeight);
  const afterLast = Math.ceil(bottom / p.rowHeight);
  const start = Math.min(p.count, Math.max(0, first - p.overscan));
  const end = Math.min(p.count, Math.max(start, afterLast + p.overscan));
  return { start, end };
}

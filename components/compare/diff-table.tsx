import { cn } from '@/lib/cn';
import type { DiffColumn, DiffRowWire } from '@/lib/api/compare';
import { Badge } from '@/components/ui/badge';
import { focusRing } from '@/components/ui/focus';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

const CELL = 'align-top font-mono text-xs break-all';

/** Minority values stand out; class 0 is the most common value in the row. */
const CLS_TONE = [
  '',
  'bg-amber-50 dark:bg-amber-950/50',
  'bg-rose-50 dark:bg-rose-950/50',
  'bg-violet-50 dark:bg-violet-950/50',
];

function Cell({ v, row }: { v: DiffRowWire['values'][number]; row: DiffRowWire }) {
  if (!v) {
    return (
      <TableCell
        className="text-zinc-400"
        title="not set, and no default in this kubelet version (or configz unreadable)"
      >
        —
      </TableCell>
    );
  }
  // one of a few class lists: TableCell merges each distinct list once (see components/ui/table.tsx)
  const tone = row.differs && v.cls > 0 ? (CLS_TONE[Math.min(v.cls, CLS_TONE.length - 1)] ?? '') : '';
  return (
    <TableCell
      className={tone ? `${CELL} ${tone}` : CELL}
      title={v.canonical !== v.display ? `= ${v.canonical}` : undefined}
    >
      {v.display}
      {v.defaulted && <span className="ml-1.5 font-sans text-[11px] text-zinc-500 italic">default</span>}
    </TableCell>
  );
}

/**
 * One row per config key (path segments joined with dots), one column per node or variant. Plain table:
 * at most ~150 keys × 50 variants, well within the 100 ms render budget without virtualisation.
 */
export function DiffTable({ columns, rows }: { columns: readonly DiffColumn[]; rows: readonly DiffRowWire[] }) {
  return (
    // a scroll box of its own: focusable and named, so keyboard users can scroll it (WCAG 2.1.1)
    <div
      tabIndex={0}
      role="region"
      aria-label="Config differences, scrollable"
      className={cn('max-h-[70vh] overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800', focusRing)}
    >
      <Table density="normal" aria-label="Config differences" className="border-collapse">
        <TableHeader tone="band" className="sticky top-0 z-10">
          <tr>
            <TableHead
              scope="col"
              className="sticky left-0 z-20 bg-zinc-50 text-left text-xs font-semibold dark:bg-zinc-900"
            >
              Key
            </TableHead>
            {columns.map((c) => (
              <TableHead key={c.id} scope="col" className="min-w-40 text-left align-bottom text-xs font-semibold">
                <span className="block">{c.label}</span>
                <span className="block font-normal text-zinc-500">
                  {c.kind === 'variant' ? `${c.nodes.length} node${c.nodes.length === 1 ? '' : 's'} · ` : ''}
                  {c.versions.join(', ')}
                </span>
                {c.unknown && (
                  <Badge tone="danger" className="mt-1" title={c.unknown.message}>
                    unknown: {c.unknown.reason}
                  </Badge>
                )}
              </TableHead>
            ))}
          </tr>
        </TableHeader>
        <TableBody>
          {rows.map((r) => {
            const key = r.path.join('.');
            return (
              <TableRow key={key} data-key={key}>
                <TableHead
                  scope="row"
                  className="sticky left-0 bg-white py-1.5 text-left align-top font-mono text-xs font-normal dark:bg-zinc-950"
                >
                  {key}
                  {r.ignored && (
                    <Badge tone="muted" className="ml-1.5">
                      per-node
                    </Badge>
                  )}
                  {r.kind === 'version' && (
                    <Badge tone="muted" className="ml-1.5" title="differs only by kubelet version">
                      version
                    </Badge>
                  )}
                </TableHead>
                {r.values.map((v, i) => (
                  <Cell key={columns[i]?.id ?? i} v={v} row={r} />
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

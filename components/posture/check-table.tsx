import type { CheckReportWire, PostureCounts } from '@/lib/api/posture';
import { cn } from '@/lib/cn';
import { focusRing } from '@/components/ui/focus';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

const qualified = (c: Pick<CheckReportWire, 'id' | 'benchmark'>) => `${c.benchmark === 'cis' ? 'CIS' : 'STIG'} ${c.id}`;

/** Share of evaluated nodes per outcome as one bar: red fail, amber unknown, green pass, grey n/a. */
function CountsBar({ counts }: { counts: PostureCounts }) {
  const total = counts.fail + counts.unknown + counts.pass + counts['n/a'];
  if (total === 0) return null;
  const part = (n: number, cls: string) =>
    n > 0 ? <span className={cls} style={{ width: `${(n / total) * 100}%` }} /> : null;
  return (
    <span aria-hidden="true" className="flex h-2 w-28 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
      {part(counts.fail, 'bg-red-500')}
      {part(counts.unknown, 'bg-amber-400')}
      {part(counts.pass, 'bg-emerald-500')}
      {part(counts['n/a'], 'bg-zinc-300 dark:bg-zinc-600')}
    </span>
  );
}

/**
 * Checks with how many evaluated nodes fail, are unknown, pass or n/a. A check's id opens its nodes (the URL's
 * `check`); the fail count does too, so the failing nodes are one click away.
 */
export function CheckTable({
  checks,
  selected,
  onOpen,
  caption,
}: {
  checks: CheckReportWire[];
  selected: string | undefined;
  onOpen: (id: string) => void;
  caption: string;
}) {
  return (
    <Table density="tight" data-testid="posture-checks">
      <caption className="sr-only">{caption}</caption>
      <TableHeader tone="plain" className="border-b border-zinc-200 dark:border-zinc-800">
        <TableRow separated={false}>
          <TableHead scope="col">Check</TableHead>
          <TableHead scope="col">Title</TableHead>
          <TableHead scope="col">Level</TableHead>
          <TableHead scope="col" className="text-right">
            Fail
          </TableHead>
          <TableHead scope="col" className="text-right">
            Unknown
          </TableHead>
          <TableHead scope="col" className="text-right">
            Pass
          </TableHead>
          <TableHead scope="col" className="text-right">
            n/a
          </TableHead>
          <TableHead scope="col">
            <span className="sr-only">Share</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {checks.map((c) => (
          <TableRow
            key={c.id}
            separated={false}
            data-check={c.id}
            aria-selected={selected === c.id}
            className={cn(
              'border-b border-zinc-100 dark:border-zinc-800/70',
              selected === c.id && 'bg-sky-50 dark:bg-sky-950/40',
            )}
          >
            <TableCell className="whitespace-nowrap">
              <button
                type="button"
                onClick={() => onOpen(c.id)}
                className={cn('font-mono text-xs text-sky-700 hover:underline dark:text-sky-400', focusRing)}
                aria-label={`Show nodes for ${qualified(c)}`}
              >
                {qualified(c)}
              </button>
            </TableCell>
            {/* elementtiming: when the first checks are painted, as the browser records it (bench/fleet-bench.ts) */}
            <TableCell elementtiming="posture-check">
              {c.title}
              <span className="ml-1 text-xs text-zinc-500">({c.assessment})</span>
            </TableCell>
            <TableCell className="text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
              {c.level ?? '—'}
            </TableCell>
            <TableCell className="text-right tabular-nums" data-testid="fail-count">
              {c.counts.fail > 0 ? (
                <button
                  type="button"
                  onClick={() => onOpen(c.id)}
                  className={cn('font-semibold text-red-700 hover:underline dark:text-red-300', focusRing)}
                  aria-label={`${c.counts.fail} nodes fail ${qualified(c)}: show them`}
                >
                  {c.counts.fail}
                </button>
              ) : (
                <span className="text-zinc-400">0</span>
              )}
            </TableCell>
            <TableCell className="text-right text-amber-800 tabular-nums dark:text-amber-300">
              {c.counts.unknown || <span className="text-zinc-400">0</span>}
            </TableCell>
            <TableCell className="text-right tabular-nums">{c.counts.pass}</TableCell>
            <TableCell className="text-right text-zinc-500 tabular-nums">{c.counts['n/a']}</TableCell>
            <TableCell>
              <CountsBar counts={c.counts} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

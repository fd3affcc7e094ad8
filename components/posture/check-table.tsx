import type { CheckReportWire, PostureCounts } from '@/lib/api/posture';
import { cn } from '@/lib/cn';
import { focusRing } from '@/components/ui/focus';

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
    <table className="w-full text-sm" data-testid="posture-checks">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
        <tr>
          <th scope="col" className="py-2 pr-2 font-medium">
            Check
          </th>
          <th scope="col" className="py-2 pr-2 font-medium">
            Title
          </th>
          <th scope="col" className="py-2 pr-2 font-medium">
            Level
          </th>
          <th scope="col" className="py-2 pr-2 text-right font-medium">
            Fail
          </th>
          <th scope="col" className="py-2 pr-2 text-right font-medium">
            Unknown
          </th>
          <th scope="col" className="py-2 pr-2 text-right font-medium">
            Pass
          </th>
          <th scope="col" className="py-2 pr-2 text-right font-medium">
            n/a
          </th>
          <th scope="col" className="py-2 font-medium">
            <span className="sr-only">Share</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {checks.map((c) => (
          <tr
            key={c.id}
            data-check={c.id}
            aria-selected={selected === c.id}
            className={cn(
              'border-b border-zinc-100 dark:border-zinc-800/70',
              selected === c.id && 'bg-sky-50 dark:bg-sky-950/40',
            )}
          >
            <td className="py-1.5 pr-2 whitespace-nowrap">
              <button
                type="button"
                onClick={() => onOpen(c.id)}
                className={cn('font-mono text-xs text-sky-700 hover:underline dark:text-sky-400', focusRing)}
                aria-label={`Show nodes for ${qualified(c)}`}
              >
                {qualified(c)}
              </button>
            </td>
            {/* elementtiming: when the first checks are painted, as the browser records it (bench/fleet-bench.ts) */}
            <td className="py-1.5 pr-2" elementtiming="posture-check">
              {c.title}
              <span className="ml-1 text-xs text-zinc-500">({c.assessment})</span>
            </td>
            <td className="py-1.5 pr-2 text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">{c.level ?? '—'}</td>
            <td className="py-1.5 pr-2 text-right tabular-nums" data-testid="fail-count">
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
            </td>
            <td className="py-1.5 pr-2 text-right text-amber-800 tabular-nums dark:text-amber-300">
              {c.counts.unknown || <span className="text-zinc-400">0</span>}
            </td>
            <td className="py-1.5 pr-2 text-right tabular-nums">{c.counts.pass}</td>
            <td className="py-1.5 pr-2 text-right text-zinc-500 tabular-nums">{c.counts['n/a']}</td>
            <td className="py-1.5">
              <CountsBar counts={c.counts} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

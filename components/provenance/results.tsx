'use client';

import { useEffect, useRef, useState } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { ExplainResponse, FieldRow, FlagRow } from '@/lib/api/provenance';

const show = (v: unknown): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

const STATUS: Record<FieldRow['status'], { tone: BadgeTone; label: string }> = {
  explained: { tone: 'success', label: 'explained' },
  unexplained: { tone: 'danger', label: 'unexplained' },
  'not-live': { tone: 'neutral', label: 'not in configz' },
  predicted: { tone: 'info', label: 'predicted' },
};

const SEVERITY: Record<'error' | 'warning' | 'info', { tone: BadgeTone; label: string }> = {
  error: { tone: 'danger', label: 'error' },
  warning: { tone: 'warning', label: 'warning' },
  info: { tone: 'neutral', label: 'info' },
};

const FLAG_TYPE: Record<FlagRow['type'], { tone: BadgeTone; label: string }> = {
  config: { tone: 'info', label: 'config field' },
  'kubelet-only': { tone: 'neutral', label: 'no config field' },
  removed: { tone: 'danger', label: 'removed' },
  unknown: { tone: 'danger', label: 'unknown flag' },
};

/** Earlier layers whose value differs from the winner (an equal default being restated is not news). */
const replaced = (f: FieldRow) =>
  f.overridden.filter((o) => show(o.value) !== show(f.status === 'explained' ? f.live : f.predicted));

/** Unexplained drift first, then what flags and files set, defaults last: the interesting rows on top. */
const rank = (f: FieldRow): number =>
  f.status === 'unexplained'
    ? 0
    : f.status === 'not-live'
      ? 4
      : f.sourceKind === 'flag'
        ? 1
        : f.sourceKind === 'config'
          ? 2
          : 3;

type Filter = 'all' | 'unexplained' | 'flag' | 'config' | 'derived';
const FILTERS: ReadonlyArray<[Filter, string]> = [
  ['all', 'All fields'],
  ['unexplained', 'Unexplained'],
  ['flag', 'Set by flags'],
  ['config', 'Set by config'],
  ['derived', 'Derived by the kubelet'],
];

/** The explanation: warnings first (they stop a kubelet from starting), then every field with its source. */
export function ExplainResults({ result }: { result: ExplainResponse }) {
  const [filter, setFilter] = useState<Filter>('all');
  const heading = useRef<HTMLHeadingElement>(null);
  // a new answer lands below the form: bring it into view and move focus there for screen readers
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [result]);
  const rows = result.fields
    .filter((f) =>
      filter === 'all' ? true : filter === 'unexplained' ? f.status === 'unexplained' : f.sourceKind === filter,
    )
    .sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : 1));
  const order = { error: 0, warning: 1, info: 2 } as const;
  const warnings = [...result.warnings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <section aria-labelledby="explain-results" className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2
          id="explain-results"
          ref={heading}
          tabIndex={-1}
          className="scroll-mt-20 text-lg font-semibold outline-none"
        >
          Explanation for kubelet {result.version}
        </h2>
        {result.liveCompared ? (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            <strong>{result.summary.explained}</strong> live fields explained,{' '}
            <strong>{result.summary.unexplained}</strong> unexplained
            {result.summary.notLive > 0 ? `, ${result.summary.notLive} predicted but not in configz` : ''}.
          </p>
        ) : (
          <p className="text-sm text-amber-800 dark:text-amber-300">
            Live configz unavailable{result.liveUnavailable ? ` (${result.liveUnavailable.message})` : ''}: showing the
            prediction only.
          </p>
        )}
        {result.configMap && <Badge tone="muted">used ConfigMap {result.configMap}</Badge>}
      </div>

      <RestartHint result={result} />

      {warnings.length > 0 && (
        <div>
          <h3 className="mb-2 text-sm font-semibold">Warnings</h3>
          <ul className="flex flex-col gap-1.5" aria-label="Warnings">
            {warnings.map((w, i) => (
              <li key={i} className="flex items-start gap-2 text-sm">
                <Badge tone={SEVERITY[w.severity].tone}>{SEVERITY[w.severity].label}</Badge>
                <span className="break-words">{w.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div>
        <div className="mb-2 flex flex-wrap items-center gap-2">
          <h3 className="mr-2 text-sm font-semibold">Fields</h3>
          <div role="group" aria-label="Show" className="flex gap-1">
            {FILTERS.map(([f, label]) => (
              <Button
                key={f}
                size="sm"
                variant={filter === f ? 'primary' : 'secondary'}
                aria-pressed={filter === f}
                onClick={() => setFilter(f)}
              >
                {label}
              </Button>
            ))}
          </div>
        </div>
        <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
          <Table density="normal" className="table-fixed" aria-label="Field provenance">
            <colgroup>
              <col className="w-[22%]" />
              <col className="w-[27%]" />
              <col />
              <col className="w-32" />
            </colgroup>
            <TableHeader>
              <tr>
                <TableHead scope="col">Field</TableHead>
                <TableHead scope="col">{result.liveCompared ? 'Live value' : 'Predicted value'}</TableHead>
                <TableHead scope="col">Came from</TableHead>
                <TableHead scope="col">Status</TableHead>
              </tr>
            </TableHeader>
            <TableBody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rows.map((f) => (
                <TableRow
                  separated={false}
                  key={f.path}
                  data-field={f.path}
                  className={f.status === 'unexplained' ? 'bg-red-50/60 dark:bg-red-950/30' : undefined}
                >
                  <TableHead scope="row" className="py-1.5 font-mono text-xs break-words">
                    {f.path}
                  </TableHead>
                  <TableCell className="font-mono text-xs break-words">
                    {show(f.status === 'explained' || f.status === 'unexplained' ? f.live : f.predicted)}
                    {f.status === 'unexplained' && f.predicted !== undefined && (
                      <div className="mt-0.5 text-zinc-600 dark:text-zinc-400">expected {show(f.predicted)}</div>
                    )}
                  </TableCell>
                  <TableCell className="text-xs break-words">
                    {f.status === 'unexplained' ? (
                      <span>nothing pasted explains this value{f.source ? ` (prediction: ${f.source})` : ''}</span>
                    ) : (
                      <span>{f.source}</span>
                    )}
                    {replaced(f).length > 0 && (
                      <div className="mt-0.5 text-zinc-500 dark:text-zinc-400">
                        overrides{' '}
                        {replaced(f)
                          .map((o) => `${show(o.value)} from ${o.source}`)
                          .join('; ')}
                      </div>
                    )}
                  </TableCell>
                  <TableCell>
                    <Badge tone={STATUS[f.status].tone}>{STATUS[f.status].label}</Badge>
                  </TableCell>
                </TableRow>
              ))}
              {rows.length === 0 && (
                <TableRow separated={false}>
                  <TableCell colSpan={4} className="py-4 text-center text-sm text-zinc-500">
                    No fields match this filter.
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </div>
      </div>

      {result.flags.length > 0 && (
        <div>
          <h3 className="mb-2 text-sm font-semibold">Flags on the command line</h3>
          <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
            <Table density="normal" aria-label="Flags">
              <TableHeader>
                <tr>
                  <TableHead scope="col">Flag</TableHead>
                  <TableHead scope="col">Value</TableHead>
                  <TableHead scope="col">Config field</TableHead>
                  <TableHead scope="col">From</TableHead>
                </tr>
              </TableHeader>
              <TableBody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {result.flags.map((f, i) => (
                  <TableRow separated={false} key={i}>
                    <TableHead scope="row" className="py-1.5 font-mono text-xs">
                      --{f.flag}
                    </TableHead>
                    <TableCell className="max-w-md font-mono text-xs break-all">{f.value}</TableCell>
                    <TableCell className="text-xs">
                      {f.field ? (
                        <code>{f.field}</code>
                      ) : (
                        <Badge tone={FLAG_TYPE[f.type].tone}>{FLAG_TYPE[f.type].label}</Badge>
                      )}
                    </TableCell>
                    <TableCell className="text-xs">{f.where}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </div>
      )}

      <details className="text-sm">
        <summary className="cursor-pointer font-medium">How the command line was read</summary>
        <pre className="mt-2 overflow-x-auto rounded-md bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-900">
          {result.argv.join(' \\\n  ') || '(no kubelet command line)'}
        </pre>
        <ul className="mt-2 list-disc pl-5 text-zinc-700 dark:text-zinc-300">
          {result.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/**
 * Live fields that the pasted files set to another value. The usual cause is a kubelet not restarted since the
 * files changed: it reads its flags and config file only when it starts. The page cannot see the restart time or
 * the files' times, so it says "usual", names the commands that tell, and the other causes.
 */
function RestartHint({ result }: { result: ExplainResponse }) {
  const stale = result.fields.filter(
    (f) =>
      f.status === 'unexplained' && f.predicted !== undefined && (f.sourceKind === 'config' || f.sourceKind === 'flag'),
  );
  if (!result.liveCompared || stale.length === 0) return null;
  const shown = stale.slice(0, 3).map((f) => f.path);
  return (
    <div
      role="note"
      data-testid="restart-hint"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p>
        <strong>
          {stale.length} field{stale.length === 1 ? '' : 's'} set by the pasted files differ
          {stale.length === 1 ? 's' : ''} from the live configz
        </strong>{' '}
        ({shown.join(', ')}
        {stale.length > shown.length ? ', …' : ''}). The usual cause: the files changed after the kubelet last started;
        it reads its flags and config file only at start, so a restart (<code>systemctl restart kubelet</code>) applies
        them. To tell, compare <code>systemctl show kubelet -p ActiveEnterTimestamp</code> with the files&apos;
        modification times (<code>stat -c %y &lt;file&gt;</code>). Other causes: files pasted from another node, or a
        later drop-in or env file that was not pasted.
      </p>
    </div>
  );
}

'use client';

import { Badge } from '@/components/ui/badge';
import { type Explanation, type ResourceBudget, formatAmount, schedulingHeadroom } from '@/lib/domain/allocatable';
import { cn } from '@/lib/cn';

const SEGMENTS = [
  { key: 'kubeReserved', label: 'kube-reserved', className: 'bg-violet-400' },
  { key: 'systemReserved', label: 'system-reserved', className: 'bg-sky-400' },
  { key: 'evictionHard', label: 'hard eviction', className: 'bg-amber-400' },
  { key: 'hugePages', label: 'huge pages', className: 'bg-zinc-400' },
] as const;

const pct = (part: bigint, whole: bigint) => (whole > 0n ? (Number(part) / Number(whole)) * 100 : 0);

const TONE: Record<Explanation['tone'], string> = {
  ok: 'text-emerald-800 dark:text-emerald-300',
  info: 'text-zinc-600 dark:text-zinc-400',
  warning: 'text-amber-800 dark:text-amber-300',
};

/**
 * capacity → reservations → eviction → allocatable per resource, as a bar and as numbers, with node-level findings
 * (the managed model the numbers follow, disagreements between configz, the Summary and the Node) on top.
 */
export function BudgetView({
  budgets,
  findings,
}: {
  budgets: readonly ResourceBudget[];
  findings: readonly Explanation[];
}) {
  return (
    <div className="space-y-5">
      {findings.length > 0 && (
        <ul className="space-y-1 text-xs" data-testid="budget-findings">
          {findings.map((f) => (
            <li key={f.text} data-tone={f.tone} className={cn(TONE[f.tone], f.tone === 'warning' && 'font-medium')}>
              {f.tone === 'warning' ? '⚠ ' : ''}
              {f.text}
            </li>
          ))}
        </ul>
      )}
      <ul className="flex flex-wrap gap-3 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Legend">
        {SEGMENTS.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <span className={`inline-block size-3 rounded-sm ${s.className}`} />
            {s.label}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-sm bg-emerald-400" />
          allocatable
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-0.5 bg-zinc-900 dark:bg-zinc-100" />
          pod requests
        </li>
      </ul>
      {budgets.map((b) => (
        <BudgetRow key={b.resource} b={b} />
      ))}
    </div>
  );
}

function BudgetRow({ b }: { b: ResourceBudget }) {
  const fmt = (v: bigint | null) => (v === null ? '—' : formatAmount(b.unit, v));
  const known = b.kubeReserved !== null;
  const unknown = (v: bigint | null) => (v === null ? 'unknown' : fmt(v));
  const cap = b.capacity;
  const alloc = b.computedAllocatable;
  const headroom = schedulingHeadroom(b);
  return (
    <div
      data-testid={`budget-${b.resource}`}
      data-capacity={cap?.toString() ?? ''}
      data-computed={alloc?.toString() ?? ''}
      data-reported={b.reportedAllocatable?.toString() ?? ''}
      className="space-y-1.5"
    >
      <div className="flex flex-wrap items-baseline gap-2">
        <h3 className="w-36 font-mono text-sm font-semibold">{b.resource}</h3>
        {b.difference === 0n && <Badge tone="success">adds up to reported allocatable</Badge>}
        {b.difference !== null && b.difference !== 0n && (
          <Badge tone="warning">differs from reported by {fmt(b.difference < 0n ? -b.difference : b.difference)}</Badge>
        )}
        {cap === null && <Badge tone="neutral">capacity unknown</Badge>}
      </div>
      {cap !== null && cap > 0n && (
        <div
          className="relative flex h-6 w-full overflow-hidden rounded ring-1 ring-zinc-200 dark:ring-zinc-800"
          role="img"
          aria-label={`${b.resource}: capacity ${fmt(cap)}, allocatable ${fmt(alloc)}`}
        >
          {SEGMENTS.map((s) => {
            const v = b[s.key];
            return v !== null && v > 0n ? (
              <div
                key={s.key}
                className={s.className}
                style={{ width: `${pct(v, cap)}%` }}
                title={`${s.label}: ${fmt(v)}`}
              />
            ) : null;
          })}
          {!known && b.heldBack !== null && b.heldBack > 0n && (
            <div
              className="bg-zinc-300 dark:bg-zinc-700"
              style={{ width: `${pct(b.heldBack, cap)}%` }}
              title={`held back, split unknown: ${fmt(b.heldBack)}`}
            />
          )}
          {!known && b.reportedAllocatable !== null && (
            <div
              className="bg-emerald-400"
              style={{ width: `${pct(b.reportedAllocatable, cap)}%` }}
              title={`allocatable (reported): ${fmt(b.reportedAllocatable)}`}
            />
          )}
          {alloc !== null && (
            <div
              className="bg-emerald-400"
              style={{ width: `${pct(alloc, cap)}%` }}
              title={`allocatable: ${fmt(alloc)}`}
            />
          )}
          {b.requests !== null && alloc !== null && (
            <div
              className="absolute top-0 h-full w-0.5 bg-zinc-900 dark:bg-zinc-100"
              style={{ left: `${Math.min(100, pct(cap - alloc + b.requests, cap))}%` }}
              title={`pod requests: ${fmt(b.requests)}`}
            />
          )}
        </div>
      )}
      <dl className="grid grid-cols-2 gap-x-4 text-xs sm:grid-cols-4 lg:grid-cols-8">
        <Num label="capacity" v={fmt(cap)} />
        <Num label="− kube-reserved" v={unknown(b.kubeReserved)} />
        <Num label="− system-reserved" v={unknown(b.systemReserved)} />
        <Num label="− hard eviction" v={unknown(b.evictionHard)} />
        {!known && <Num label="held back (all)" v={fmt(b.heldBack)} />}
        {b.hugePages > 0n && <Num label="− huge pages" v={fmt(b.hugePages)} />}
        <Num label="= allocatable (computed)" v={fmt(alloc)} strong />
        <Num label="reported allocatable" v={b.resource === 'pid' ? 'not reported' : fmt(b.reportedAllocatable)} />
        <Num label="pod requests / limits" v={b.requests === null ? '—' : `${fmt(b.requests)} / ${fmt(b.limits)}`} />
        <Num label="scheduling headroom" v={headroom === null ? '—' : fmt(headroom)} />
      </dl>
      <ul className="list-disc pl-5 text-xs">
        {b.explanations.map((e) => (
          <li key={e.text} data-tone={e.tone} className={TONE[e.tone]}>
            {e.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Num({ label, v, strong }: { label: string; v: string; strong?: boolean }) {
  return (
    <div>
      <dt className="text-zinc-500">{label}</dt>
      <dd className={strong ? 'font-semibold tabular-nums' : 'tabular-nums'}>{v}</dd>
    </div>
  );
}

import { Icon } from '@/components/ui/icons';
import type { CsrCheckResult } from '@/lib/api/csrs';

/** Every safety check, pass or fail, each with its reason. Failures first: they are what the reviewer must read. */
export function CsrCheckList({ checks }: { checks: CsrCheckResult[] }) {
  const ordered = [...checks.filter((c) => !c.passed), ...checks.filter((c) => c.passed)];
  return (
    <ul
      className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
      data-testid="csr-checks"
    >
      {ordered.map((c) => (
        <li key={c.id} data-check={c.id} data-passed={c.passed} className="flex gap-3 px-3 py-2 text-sm">
          <span className={c.passed ? 'text-emerald-600 dark:text-emerald-400' : 'text-red-600 dark:text-red-400'}>
            <Icon name={c.passed ? 'check' : 'cross'} className="mt-0.5 size-4" />
          </span>
          <span className="sr-only">{c.passed ? 'Pass:' : 'Fail:'}</span>
          <span className="min-w-56 font-medium">{c.label}</span>
          <span className="break-words text-zinc-600 dark:text-zinc-400">{c.reason}</span>
        </li>
      ))}
    </ul>
  );
}

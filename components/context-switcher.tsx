'use client';

import { useId } from 'react';
import { useRouter } from 'next/navigation';
import { cn } from '@/lib/cn';
import { useContexts, useSelectContext } from '@/lib/queries/contexts';
import { describeError } from '@/lib/view/error-help';
import { Skeleton } from './ui/skeleton';
import { focusRing } from './ui/focus';

/**
 * Shows the kube context the dashboard reads and lets the user switch to another one from the kubeconfig.
 * In-cluster there is only the pod's ServiceAccount, so nothing to switch.
 */
export function ContextSwitcher() {
  const id = useId();
  const contexts = useContexts();
  const select = useSelectContext();
  const router = useRouter();

  if (contexts.isPending) return <Skeleton className="h-8 w-48" />;
  if (contexts.isError) {
    const help = describeError(contexts.error, 'the kubeconfig');
    return (
      <p className="text-xs text-red-700 dark:text-red-300" title={help.needs}>
        Context unavailable: {help.message}
      </p>
    );
  }

  const { current, contexts: list, source } = contexts.data;
  const server = list.find((c) => c.name === current)?.server;
  const switchError = select.isError ? describeError(select.error, 'the kubeconfig') : undefined;

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-xs font-medium text-zinc-500 dark:text-zinc-400">
        Context
      </label>
      {source === 'in-cluster' || list.length <= 1 ? (
        <span id={id} className="font-mono text-sm" title={server}>
          {current}
        </span>
      ) : (
        <select
          id={id}
          value={select.isPending ? select.variables : current}
          disabled={select.isPending}
          title={server ? `API server: ${server}` : undefined}
          onChange={(e) => select.mutate(e.target.value, { onSuccess: () => router.refresh() })}
          className={cn(
            'h-8 max-w-40 rounded-md border border-zinc-300 bg-white px-2 pr-7 font-mono text-sm sm:max-w-64 dark:border-zinc-700 dark:bg-zinc-900',
            focusRing,
          )}
        >
          {list.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      )}
      <span role="status" className="text-xs text-zinc-500">
        {select.isPending ? 'Switching…' : ''}
      </span>
      {switchError && (
        <p role="alert" className="max-w-72 text-xs text-red-700 dark:text-red-300" title={switchError.needs}>
          Could not switch: {switchError.message}
        </p>
      )}
    </div>
  );
}

'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { focusRing } from '@/components/ui/focus';
import { Icon } from '@/components/ui/icons';
import { cn } from '@/lib/cn';

/**
 * The ignore list: per-node fields left out of grouping and drift. Visible and editable; the list lives in
 * the URL (`ignore=`), so an edited list is part of the link.
 */
export function IgnoreListEditor({
  ignore,
  defaults,
  onChange,
}: {
  ignore: readonly string[];
  defaults: readonly string[];
  onChange: (next: string[] | undefined) => void;
}) {
  const [draft, setDraft] = useState('');
  const isDefault = ignore.length === defaults.length && ignore.every((p, i) => p === defaults[i]);
  const add = () => {
    const p = draft.trim();
    if (p && /^[\w./-]+$/.test(p) && !ignore.includes(p)) onChange([...ignore, p]);
    setDraft('');
  };
  return (
    <section aria-labelledby="ignore-list-title" className="flex flex-col gap-2">
      <h3 id="ignore-list-title" className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Per-node fields (not drift): left out of grouping and baselines
      </h3>
      <ul className="flex flex-wrap gap-1.5" aria-label="Ignored fields">
        {ignore.length === 0 && <li className="text-xs text-zinc-500">none: every field counts</li>}
        {ignore.map((p) => (
          <li
            key={p}
            className="inline-flex items-center gap-1 rounded bg-zinc-100 py-0.5 pr-0.5 pl-2 font-mono text-xs dark:bg-zinc-800"
          >
            {p}
            <button
              type="button"
              aria-label={`Stop ignoring ${p}`}
              className={cn(
                'rounded p-0.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-700 dark:hover:text-zinc-100',
                focusRing,
              )}
              onClick={() => onChange(ignore.filter((x) => x !== p))}
            >
              <Icon name="cross" className="size-3" />
            </button>
          </li>
        ))}
      </ul>
      <form
        className="flex items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          aria-label="Field to ignore"
          placeholder="e.g. evictionHard.memory.available"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          className="h-8 w-64 rounded-md border border-zinc-300 bg-white px-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Button size="sm" type="submit">
          Ignore
        </Button>
        {!isDefault && (
          <Button size="sm" variant="ghost" onClick={() => onChange(undefined)}>
            Reset to defaults
          </Button>
        )}
      </form>
    </section>
  );
}

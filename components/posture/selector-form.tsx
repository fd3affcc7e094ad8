'use client';

import { useMemo, useState } from 'react';
import { selectorSuggestions } from '@/components/compare/selector-suggestions';
import { Button } from '@/components/ui/button';

/**
 * Narrows the posture report to a label selector (node pool, zone, role…). Applied on submit, not per keystroke:
 * every change re-evaluates the fleet.
 */
export function SelectorForm({
  selector,
  nodes,
  onApply,
  onFocus,
}: {
  selector: string | undefined;
  nodes: ReadonlyArray<{ labels: Record<string, string> }>;
  onApply: (selector: string | undefined) => void;
  /** the box is being used: time to load the labels the suggestions come from */
  onFocus?: () => void;
}) {
  const [draft, setDraft] = useState(selector ?? '');
  const suggestions = useMemo(() => selectorSuggestions(nodes), [nodes]);
  return (
    <form
      aria-label="Filter nodes"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft.trim() || undefined);
      }}
    >
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Label selector
        <input
          name="selector"
          list="posture-selector-suggestions"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onFocus={onFocus}
          placeholder="e.g. eks.amazonaws.com/nodegroup=general-purpose"
          spellCheck={false}
          className="h-9 w-96 max-w-full rounded-md border border-zinc-300 bg-white px-2 font-mono text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
      </label>
      <datalist id="posture-selector-suggestions">
        {suggestions.map((s) => (
          <option key={s.selector} value={s.selector}>
            {`${s.group}: ${s.count} nodes`}
          </option>
        ))}
      </datalist>
      <Button type="submit" variant="primary">
        Apply
      </Button>
      {selector && (
        <Button
          onClick={() => {
            setDraft('');
            onApply(undefined);
          }}
        >
          All nodes
        </Button>
      )}
    </form>
  );
}

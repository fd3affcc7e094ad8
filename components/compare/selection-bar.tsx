'use client';

import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { focusRing } from '@/components/ui/focus';
import { Icon } from '@/components/ui/icons';
import { cn } from '@/lib/cn';
import type { CompareParams } from './compare-params';
import { selectorSuggestions } from './selector-suggestions';

type Mode = 'nodes' | 'selector' | 'all';

const modeOf = (p: CompareParams): Mode => (p.nodes ? 'nodes' : p.selector ? 'selector' : 'all');

/**
 * Which nodes to compare: two or more by name, a label selector (node pool, role, zone), or all nodes.
 * Nothing is applied until "Compare" so typing does not fire a fleet-wide configz read per keystroke.
 */
export function SelectionBar({
  params,
  nodes,
  onApply,
}: {
  params: CompareParams;
  nodes: ReadonlyArray<{ name: string; labels: Record<string, string> }>;
  onApply: (patch: Partial<CompareParams>) => void;
}) {
  const [mode, setMode] = useState<Mode>(modeOf(params));
  const [picked, setPicked] = useState<string[]>(params.nodes ?? []);
  const [draft, setDraft] = useState('');
  const [selector, setSelector] = useState(params.selector ?? '');
  const suggestions = useMemo(() => selectorSuggestions(nodes), [nodes]);
  const names = useMemo(() => nodes.map((n) => n.name).sort(), [nodes]);

  const addNode = (name: string) => {
    const n = name.trim();
    if (n && !picked.includes(n)) setPicked([...picked, n]);
    setDraft('');
  };
  const apply = () => {
    if (mode === 'nodes') onApply({ nodes: picked, selector: undefined });
    else if (mode === 'selector') onApply({ nodes: undefined, selector: selector.trim() || undefined });
    else onApply({ nodes: undefined, selector: undefined });
  };
  const canApply = mode !== 'nodes' || picked.length >= 2;

  return (
    <form
      aria-label="Nodes to compare"
      className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
      onSubmit={(e) => {
        e.preventDefault();
        if (canApply) apply();
      }}
    >
      <fieldset className="flex flex-wrap items-center gap-4 text-sm">
        <legend className="sr-only">Selection</legend>
        {(
          [
            ['nodes', 'Pick nodes'],
            ['selector', 'Label selector'],
            ['all', 'All nodes'],
          ] as const
        ).map(([m, label]) => (
          <label key={m} className="flex items-center gap-1.5">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {label}
          </label>
        ))}
      </fieldset>

      {mode === 'nodes' && (
        <div className="flex flex-col gap-2">
          <ul className="flex flex-wrap gap-1.5" aria-label="Picked nodes">
            {picked.map((n) => (
              <li
                key={n}
                className="inline-flex items-center gap-1 rounded bg-sky-50 py-0.5 pr-0.5 pl-2 text-xs dark:bg-sky-950"
              >
                {n}
                <button
                  type="button"
                  aria-label={`Remove ${n}`}
                  className={cn('rounded p-0.5 hover:bg-sky-100 dark:hover:bg-sky-900', focusRing)}
                  onClick={() => setPicked(picked.filter((x) => x !== n))}
                >
                  <Icon name="cross" className="size-3" />
                </button>
              </li>
            ))}
            {picked.length < 2 && <li className="text-xs text-zinc-500">Pick two or more nodes.</li>}
          </ul>
          <div className="flex items-center gap-2">
            <input
              aria-label="Node name"
              list="compare-node-names"
              placeholder="node name"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && draft.trim()) {
                  e.preventDefault();
                  addNode(draft);
                }
              }}
              className="h-8 w-72 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
            <datalist id="compare-node-names">
              {names.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
            <Button size="sm" onClick={() => addNode(draft)} disabled={!draft.trim()}>
              Add
            </Button>
          </div>
        </div>
      )}

      {mode === 'selector' && (
        <div className="flex flex-wrap items-center gap-2">
          <input
            aria-label="Label selector"
            placeholder="e.g. node-role.kubernetes.io/control-plane or topology.kubernetes.io/zone=us-east-1a"
            value={selector}
            onChange={(e) => setSelector(e.target.value)}
            className="h-8 w-[32rem] max-w-full rounded-md border border-zinc-300 bg-white px-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
          {suggestions.length > 0 && (
            <select
              aria-label="Node pool, role or zone"
              className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-xs dark:border-zinc-700 dark:bg-zinc-900"
              value=""
              onChange={(e) => setSelector(e.target.value)}
            >
              <option value="">Pool, role or zone…</option>
              {(['Node pool', 'Role', 'Zone'] as const).map((g) => (
                <optgroup key={g} label={g}>
                  {suggestions
                    .filter((s) => s.group === g)
                    .map((s) => (
                      <option key={s.selector} value={s.selector}>
                        {s.selector} ({s.count})
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          )}
        </div>
      )}

      <div>
        <Button type="submit" variant="primary" size="sm" disabled={!canApply}>
          Compare
        </Button>
      </div>
    </form>
  );
}

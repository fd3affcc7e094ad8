'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import {
  hasFilters,
  NO_ROLE,
  parseViewState,
  PRESSURE_FILTERS,
  STATUS_FILTERS,
  type NodeViewState,
  type PressureFilter,
  type StatusFilter,
} from '@/lib/view/node-view-state';

const PRESSURE_LABELS: Record<PressureFilter, string> = {
  any: 'Any pressure',
  none: 'No pressure',
  MemoryPressure: 'MemoryPressure',
  DiskPressure: 'DiskPressure',
  PIDPressure: 'PIDPressure',
};

/** Keeps a value from the URL selectable even when the fleet no longer has it (an old shared link). */
const withCurrent = (options: string[], current: string | undefined) =>
  current && !options.includes(current) ? [...options, current] : options;

/**
 * Free text (name words and `key=value` label selectors) and the role / status / version / pressure
 * filters. Every change goes to the URL through `onChange`; the text box keeps its own state so typing
 * never waits for the URL update.
 */
export function NodeFiltersBar({
  view,
  roles,
  versions,
  onChange,
}: {
  view: NodeViewState;
  roles: string[];
  versions: string[];
  onChange: (patch: Partial<NodeViewState>) => void;
}) {
  const [text, setText] = useState(view.q);
  // Back/Forward change the URL under the text box, which keeps its own state while typing: follow the URL then.
  useEffect(() => {
    const follow = () => setText(parseViewState(new URLSearchParams(window.location.search)).q);
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  const clear = () => {
    setText('');
    onChange({
      q: '',
      role: undefined,
      status: undefined,
      version: undefined,
      pressure: undefined,
      cordoned: undefined,
    });
  };

  return (
    <form role="search" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
      <TextField
        label="Filter"
        type="search"
        value={text}
        placeholder="name, IP or label key=value"
        className="w-72"
        onChange={(e) => {
          setText(e.target.value);
          onChange({ q: e.target.value });
        }}
      />
      <SelectField
        label="Status"
        className="w-32"
        value={view.status ?? ''}
        onChange={(e) => onChange({ status: (e.target.value || undefined) as StatusFilter | undefined })}
      >
        <option value="">All</option>
        {STATUS_FILTERS.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Role"
        className="w-40"
        value={view.role ?? ''}
        onChange={(e) => onChange({ role: e.target.value || undefined })}
      >
        <option value="">All</option>
        {withCurrent(roles, view.role).map((r) => (
          <option key={r} value={r}>
            {r === NO_ROLE ? '<none>' : r}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Kubelet version"
        className="w-52"
        value={view.version ?? ''}
        onChange={(e) => onChange({ version: e.target.value || undefined })}
      >
        <option value="">All</option>
        {withCurrent(versions, view.version).map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Pressure"
        className="w-40"
        value={view.pressure ?? ''}
        onChange={(e) => onChange({ pressure: (e.target.value || undefined) as PressureFilter | undefined })}
      >
        <option value="">All</option>
        {PRESSURE_FILTERS.map((p) => (
          <option key={p} value={p}>
            {PRESSURE_LABELS[p]}
          </option>
        ))}
      </SelectField>
      {(hasFilters(view) || text !== '') && (
        <Button variant="ghost" onClick={clear}>
          Clear filters
        </Button>
      )}
    </form>
  );
}

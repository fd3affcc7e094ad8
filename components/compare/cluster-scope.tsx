'use client';

import { SelectField } from '@/components/ui/field';
import { useHydrated } from '@/components/use-hydrated';
import type { CompareResponse } from '@/lib/api/compare';
import type { CompareParams } from './compare-params';

/**
 * Compare across clusters: which kubeconfig contexts the comparison spans (the current one always; nodes are
 * then named `<context>/<node>` everywhere, exports included), whose kubelet-config ConfigMap is the baseline,
 * and which contexts could not be read.
 */
export function ClusterScope({
  current,
  contexts,
  params,
  errors,
  onChange,
}: {
  current: string;
  contexts: readonly string[];
  params: CompareParams;
  errors: CompareResponse['clusterErrors'];
  onChange: (patch: Partial<CompareParams>) => void;
}) {
  const hydrated = useHydrated();
  const across = params.clusters ?? [];
  const others = contexts.filter((c) => c !== current);
  // after hydration only: the server render may not have the contexts yet, and the two renders must agree
  if (!hydrated || others.length === 0) return null;
  const toggle = (ctx: string, on: boolean) => {
    const chosen = new Set(across.length > 0 ? across : [current]);
    if (on) chosen.add(ctx);
    else chosen.delete(ctx);
    chosen.add(current);
    // the current context first: bare node names (the node picker's) are its nodes
    const next = [current, ...contexts.filter((c) => c !== current && chosen.has(c))];
    const single = next.length <= 1;
    // back to one cluster: node references lose their context prefix, so the node selection is reset
    onChange(
      single
        ? { clusters: undefined, baselineContext: undefined, nodes: undefined, baselineNode: undefined }
        : { clusters: next, nodes: undefined },
    );
  };
  return (
    <fieldset
      className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800"
      data-testid="cluster-scope"
    >
      <legend className="px-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Clusters</legend>
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        {contexts.map((c) => (
          <label key={c} className="flex items-center gap-1.5 font-mono">
            <input
              type="checkbox"
              checked={c === current || across.includes(c)}
              disabled={c === current}
              onChange={(e) => toggle(c, e.target.checked)}
            />
            {c}
          </label>
        ))}
        {across.length > 1 && params.baseline === 'configmap' && (
          <SelectField
            label="Baseline ConfigMap from"
            value={params.baselineContext ?? across[0]}
            onChange={(e) => onChange({ baselineContext: e.target.value })}
          >
            {across.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      {errors && errors.length > 0 && (
        <ul role="alert" className="mt-2 text-xs text-red-800 dark:text-red-300" data-testid="cluster-errors">
          {errors.map((e) => (
            <li key={e.context}>
              <span className="font-mono">{e.context}</span>: not compared ({e.reason}): {e.message}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

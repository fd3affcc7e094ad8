'use client';

import { useMemo } from 'react';
import { EmptyState } from '@/components/empty-state';
import { ErrorPanel } from '@/components/error-panel';
import { Button, buttonVariants } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Icon } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/skeleton';
import { DEFAULT_IGNORE } from '@/lib/domain/config-ignore';
import { useCompare } from '@/lib/queries/compare';
import { useContexts } from '@/lib/queries/contexts';
import { useNodeList } from '@/lib/queries/nodes';
import { useHydrated } from '@/components/use-hydrated';
import { BaselinePanel } from './baseline-panel';
import { ClusterScope } from './cluster-scope';
import { exportHref } from './compare-params';
import { DiffTable } from './diff-table';
import { IgnoreListEditor } from './ignore-list-editor';
import { SelectionBar } from './selection-bar';
import { useCompareParams } from './use-compare-params';
import { VariantsPanel } from './variants-panel';

/** The /compare page body: selection, options, fleet variants, the per-key diff and the baseline drift. */
export function CompareView() {
  const contexts = useContexts();
  const ctx = contexts.data?.current;
  const nodeList = useNodeList(ctx);
  const [params, qs, update] = useCompareParams();
  const compare = useCompare(ctx, qs);
  const data = compare.data;
  // data older than its staleTime refetches on mount in the browser only: keep the hydration render equal to the server's
  const fetching = useHydrated() && compare.isFetching;

  const labels = useMemo(() => new Map((data?.variants ?? []).map((v) => [v.id, v.label])), [data]);
  // drift first; keys that differ only because the kubelet versions do are shown apart (config-version-drift.ts)
  const rows = useMemo(
    () => (data ? (params.all ? data.rows : data.rows.filter((r) => r.differs && r.kind !== 'version')) : []),
    [data, params.all],
  );
  const versionRows = useMemo(
    () => (data && !params.all ? data.rows.filter((r) => r.differs && r.kind === 'version') : []),
    [data, params.all],
  );
  const nodes = nodeList.data?.items ?? [];
  const ignore = data?.ignore ?? params.ignore ?? [...DEFAULT_IGNORE];

  if (contexts.isError) {
    return (
      <ErrorPanel
        error={contexts.error}
        what="the kubeconfig"
        title="Could not read kube contexts"
        onRetry={() => void contexts.refetch()}
      />
    );
  }

  return (
    <div className="flex flex-col gap-5">
      <SelectionBar key={qs} params={params} nodes={nodes} onApply={update} />
      {ctx && contexts.data && (
        <ClusterScope
          current={ctx}
          contexts={contexts.data.contexts.map((c) => c.name)}
          params={params}
          errors={data?.clusterErrors}
          onChange={update}
        />
      )}

      <div className="flex flex-wrap items-end gap-4">
        <SelectField
          label="Baseline"
          value={params.baseline}
          onChange={(e) => update({ baseline: e.target.value as typeof params.baseline })}
        >
          <option value="configmap">kubelet-config ConfigMap</option>
          <option value="node">A node I pick</option>
          <option value="defaults">Upstream defaults (per version)</option>
          <option value="none">None</option>
        </SelectField>
        {params.baseline === 'node' && (
          <SelectField
            label="Baseline node"
            value={params.baselineNode ?? ''}
            onChange={(e) => update({ baselineNode: e.target.value || undefined })}
          >
            <option value="">Pick a node…</option>
            {nodes
              .map((n) => n.name)
              .sort()
              .map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
          </SelectField>
        )}
        <SelectField
          label="Columns"
          value={params.by ?? ''}
          onChange={(e) => update({ by: (e.target.value || undefined) as typeof params.by })}
        >
          <option value="">Automatic</option>
          <option value="node">One per node</option>
          <option value="variant">One per variant</option>
        </SelectField>
        <label className="flex h-9 items-center gap-1.5 text-sm">
          <input type="checkbox" checked={params.all} onChange={(e) => update({ all: e.target.checked })} />
          Show all keys
        </label>
        <label className="flex h-9 items-center gap-1.5 text-sm">
          <input
            type="checkbox"
            checked={params.showIgnored}
            onChange={(e) => update({ showIgnored: e.target.checked })}
          />
          Show per-node fields
        </label>
        <div className="ml-auto flex items-center gap-2 text-sm">
          <span className="text-xs text-zinc-500">Export</span>
          {(['csv', 'json', 'md'] as const).map((f) => (
            <a key={f} href={exportHref(params, f)} download className={buttonVariants({ size: 'xs' })}>
              {f === 'md' ? 'Markdown' : f.toUpperCase()}
            </a>
          ))}
          <Button size="sm" variant="ghost" onClick={() => void compare.refetch()} disabled={fetching}>
            <Icon name="refresh" />
            {fetching ? 'Reading configz…' : 'Refresh'}
          </Button>
        </div>
      </div>

      <IgnoreListEditor
        ignore={ignore}
        defaults={data?.defaultIgnore ?? DEFAULT_IGNORE}
        onChange={(next) => update({ ignore: next })}
      />

      {compare.isError && !data && (
        <ErrorPanel
          error={compare.error}
          what="nodes and nodes/proxy"
          title="Could not compare"
          onRetry={() => void compare.refetch()}
        />
      )}
      {!data && !compare.isError && (
        <div className="flex flex-col gap-2" role="status" aria-busy="true" aria-label="Loading comparison">
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      )}

      {data && (
        <div className={fetching ? 'opacity-70 transition-opacity' : undefined}>
          {data.selection.missing.length > 0 && (
            <p
              role="status"
              className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/40"
            >
              Not found, left out: {data.selection.missing.join(', ')}
            </p>
          )}
          {data.selection.nodes.length === 0 ? (
            <EmptyState title="No nodes selected">
              Nothing matches this selection. Pick nodes, or try another label selector.
            </EmptyState>
          ) : (
            <div className="flex flex-col gap-6">
              <p className="text-xs text-zinc-500">
                {data.selection.nodes.length} nodes · {data.variants.length} variants · {data.unknown.length} unknown ·
                read in {data.stats.collectMs} ms, grouped and diffed in {data.stats.computeMs} ms
              </p>
              {/* "what differs from the baseline" is the question a chosen baseline asks: its answer comes first */}
              {data.baseline && <BaselinePanel baseline={data.baseline} labels={labels} />}
              <VariantsPanel variants={data.variants} labels={labels} unknown={data.unknown} />

              <section aria-labelledby="diff-title" className="flex flex-col gap-2">
                <h2 id="diff-title" className="text-base font-semibold">
                  {params.all ? 'All keys' : 'Differing keys'}{' '}
                  <span className="font-normal text-zinc-500">
                    ({rows.length} of {data.rows.length}, by {data.by})
                  </span>
                </h2>
                {rows.length === 0 ? (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="no-drift">
                    {versionRows.length > 0
                      ? 'No drift: every readable node in this selection runs the same configuration; the keys below differ only by kubelet version'
                      : 'No differences: every readable node in this selection runs the same effective config'}
                    {data.ignore.length > 0 ? ' (ignoring per-node fields)' : ''}
                    {data.unknown.length > 0 ? `; ${data.unknown.length} unknown (see above)` : ''}.
                  </p>
                ) : (
                  <DiffTable columns={data.columns} rows={rows} />
                )}
              </section>

              {versionRows.length > 0 && (
                <details className="flex flex-col gap-2" data-testid="version-only-keys">
                  <summary className="cursor-pointer text-base font-semibold">
                    Differs only by kubelet version{' '}
                    <span className="font-normal text-zinc-500">({versionRows.length} keys)</span>
                  </summary>
                  <p className="my-2 text-xs text-zinc-600 dark:text-zinc-400">
                    Fields one kubelet version has and another lacks, or whose default changed between versions, each at
                    its version&apos;s default: the same configuration, not drift.
                  </p>
                  <DiffTable columns={data.columns} rows={versionRows} />
                </details>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}

'use client';

import { useState } from 'react';
import type { UnknownNode, VariantWire } from '@/lib/api/compare';
import { Badge } from '@/components/ui/badge';

const SHOWN = 8;

function Members({ nodes }: { nodes: readonly string[] }) {
  const [open, setOpen] = useState(false);
  const shown = open ? nodes : nodes.slice(0, SHOWN);
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400">
      {shown.join(', ')}
      {nodes.length > SHOWN && (
        <button type="button" className="ml-1 underline" onClick={() => setOpen(!open)}>
          {open ? 'show fewer' : `+${nodes.length - SHOWN} more`}
        </button>
      )}
    </p>
  );
}

/**
 * Fleet variants: nodes grouped by the meaning of their effective config (minus the ignore list). Single-node
 * outliers come first (the server orders them); each card shows the keys where the variant does not hold
 * the fleet's usual value. Nodes whose configz could not be read are listed with the reason, never dropped.
 */
export function VariantsPanel({
  variants,
  labels,
  unknown,
}: {
  variants: readonly VariantWire[];
  /** column label per variant id ("A (6 nodes)") */
  labels: ReadonlyMap<string, string>;
  unknown: readonly UnknownNode[];
}) {
  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby="variants-title">
        <h2 id="variants-title" className="mb-2 text-base font-semibold">
          Fleet variants <span className="font-normal text-zinc-500">({variants.length})</span>
        </h2>
        {variants.length === 0 && <p className="text-sm text-zinc-500">No readable configs in this selection.</p>}
        <ul className="grid gap-2 md:grid-cols-2 xl:grid-cols-3">
          {variants.map((v) => (
            <li
              key={v.id}
              data-variant={v.id}
              className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
              aria-label={`Variant ${labels.get(v.id) ?? v.id}`}
            >
              <div className="mb-1 flex flex-wrap items-center gap-2">
                <span className="font-semibold">{labels.get(v.id) ?? v.id}</span>
                {v.outlier && <Badge tone="warning">outlier</Badge>}
                {v.differsOnlyByVersion && (
                  <Badge tone="muted" title="nothing drifts: only fields the kubelet versions decide differ">
                    differs only by kubelet version
                  </Badge>
                )}
                <span className="text-xs text-zinc-500">{v.versions.join(', ')}</span>
                <code className="ml-auto text-[11px] text-zinc-400" title="content hash of the normalised config">
                  {v.id.slice(0, 8)}
                </code>
              </div>
              {v.nodes.length > 1 && <Members nodes={v.nodes} />}
              {v.keys.length === 0 && variants.length > 1 && !v.differsOnlyByVersion && (
                <p className="mt-2 text-xs text-zinc-500">Holds the fleet&apos;s usual value for every key.</p>
              )}
              {v.versionOnlyKeys.length > 0 && (
                <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400" data-testid="variant-version-only">
                  Same configuration on {v.versions.join(' and ')}: its members differ only by kubelet version, in{' '}
                  {v.versionOnlyKeys.length} field{v.versionOnlyKeys.length === 1 ? '' : 's'} (
                  <span className="font-mono">
                    {v.versionOnlyKeys
                      .slice(0, 4)
                      .map((p) => p.join('.'))
                      .join(', ')}
                  </span>
                  {v.versionOnlyKeys.length > 4 ? ', …' : ''}).
                </p>
              )}
              {v.keys.length > 0 && (
                <>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                    {v.keys.slice(0, 6).map((k) => (
                      <div key={k.path.join('.')} className="contents">
                        <dt className="truncate font-mono text-zinc-500">{k.path.join('.')}</dt>
                        <dd className="truncate font-mono">
                          {k.display ?? '—'}
                          {k.defaulted && <span className="ml-1 font-sans text-zinc-500 italic">default</span>}
                        </dd>
                      </div>
                    ))}
                  </dl>
                  {v.keys.length > 6 && (
                    <p className="mt-0.5 text-xs text-zinc-500">
                      …and {v.keys.length - 6} more keys set apart (see the table)
                    </p>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      {unknown.length > 0 && (
        <section aria-labelledby="unknown-title">
          <h2 id="unknown-title" className="mb-2 text-base font-semibold">
            Unknown <span className="font-normal text-zinc-500">({unknown.length}): configz could not be read</span>
          </h2>
          <ul
            className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
            aria-label="Unknown nodes"
          >
            {unknown.map((u) => (
              <li key={u.node} data-node={u.node} className="flex flex-wrap items-baseline gap-2 px-3 py-2 text-sm">
                <span className="font-medium">{u.node}</span>
                <Badge tone="danger">{u.reason}</Badge>
                <span className="text-xs text-zinc-500">{u.version}</span>
                <span className="basis-full text-xs break-words text-zinc-600 dark:text-zinc-400">{u.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

'use client';

import { useMemo, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button, buttonVariants } from '@/components/ui/button';
import { ExplainLink } from '@/components/provenance/explain-link';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/cn';
import { buildConfigRows, groupRows, toKubeletConfigYaml, type ConfigRow } from '@/lib/domain/config-sections';

type View = 'table' | 'json' | 'yaml';

/**
 * Effective config from configz, grouped by section: value, default for this kubelet's version, flag, a mark when
 * it differs, warnings for deprecated/risky settings. Raw JSON/YAML views, copy, and a config.yaml download.
 */
export function ConfigView({
  config,
  minor,
  minorSource,
  nodeName,
}: {
  config: Record<string, unknown>;
  minor: number;
  minorSource: 'node' | 'configz' | 'assumed';
  nodeName: string;
}) {
  const [view, setView] = useState<View>('table');
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => buildConfigRows(config, minor), [config, minor]);
  const yaml = useMemo(() => toKubeletConfigYaml(config), [config]);
  const json = useMemo(() => JSON.stringify(config, null, 2), [config]);
  const changed = rows.filter((r) => r.differs).length;
  const needle = filter.trim().toLowerCase();
  const visible = rows.filter(
    (r) =>
      (!onlyChanged || r.differs || r.warnings.length > 0) &&
      (!needle || r.path.toLowerCase().includes(needle) || r.flag?.includes(needle)),
  );
  const downloadHref = useMemo(() => `data:application/yaml;charset=utf-8,${encodeURIComponent(yaml)}`, [yaml]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <div
          role="tablist"
          aria-label="Config view"
          className="inline-flex rounded-md ring-1 ring-zinc-300 dark:ring-zinc-700"
        >
          {(['table', 'json', 'yaml'] as const).map((v) => (
            <button
              key={v}
              role="tab"
              aria-selected={view === v}
              onClick={() => setView(v)}
              className={cn(
                'px-3 py-1 text-xs font-medium first:rounded-l-md last:rounded-r-md',
                view === v ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900' : '',
              )}
            >
              {v === 'table' ? 'Fields' : v.toUpperCase()}
            </button>
          ))}
        </div>
        <Badge tone={changed ? 'info' : 'neutral'} data-testid="config-changed-count">
          {changed} differ{changed === 1 ? 's' : ''} from v1.{minor} defaults
        </Badge>
        {minorSource !== 'node' && (
          <Badge tone="warning" title="The Node object did not give a kubelet version">
            defaults {minorSource === 'configz' ? `for ≥ v1.${minor} (inferred from configz)` : `assumed v1.${minor}`}
          </Badge>
        )}
        {minor < 20 && <Badge tone="warning">pre-1.20 kubelet: defaults approximate</Badge>}
        <div className="ml-auto flex items-center gap-2">
          <ExplainLink node={nodeName} />
          <Button size="sm" onClick={() => void navigator.clipboard?.writeText(view === 'json' ? json : yaml)}>
            Copy {view === 'json' ? 'JSON' : 'YAML'}
          </Button>
          <a
            href={downloadHref}
            download={`${nodeName}-config.yaml`}
            data-testid="download-config"
            className={buttonVariants({ size: 'xs' })}
          >
            Download config.yaml
          </a>
        </div>
      </div>
      {view === 'table' ? (
        <>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <label className="flex items-center gap-1.5">
              <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
              Only non-default and warnings
            </label>
            <input
              type="search"
              placeholder="Filter fields or flags"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              aria-label="Filter config fields"
              className="rounded-md px-2 py-1 text-sm ring-1 ring-zinc-300 dark:bg-zinc-900 dark:ring-zinc-700"
            />
          </div>
          {groupRows(visible).map((g) => (
            <details key={g.id} open className="rounded-md border border-zinc-100 dark:border-zinc-800">
              <summary className="cursor-pointer px-3 py-1.5 text-sm font-semibold">
                {g.title} <span className="font-normal text-zinc-500">({g.rows.length})</span>
              </summary>
              <div className="overflow-x-auto">
                <Table density="compact" size="xs">
                  <TableHeader tone="plain">
                    <tr>
                      <TableHead>Field</TableHead>
                      <TableHead>Value</TableHead>
                      <TableHead>Default (v1.{minor})</TableHead>
                      <TableHead>Flag</TableHead>
                    </tr>
                  </TableHeader>
                  <TableBody>
                    {g.rows.map((r) => (
                      <ConfigRowView key={r.path} row={r} />
                    ))}
                  </TableBody>
                </Table>
              </div>
            </details>
          ))}
          {visible.length === 0 && <p className="text-sm text-zinc-500">No field matches.</p>}
        </>
      ) : (
        <pre
          data-testid={`config-raw-${view}`}
          className="max-h-[32rem] overflow-auto rounded-md bg-zinc-50 p-3 text-xs dark:bg-zinc-900"
        >
          {view === 'json' ? json : yaml}
        </pre>
      )}
    </div>
  );
}

function ConfigRowView({ row }: { row: ConfigRow }) {
  const raw = typeof row.value === 'string' ? row.value : JSON.stringify(row.value);
  return (
    <TableRow
      data-testid={`config-row-${row.path}`}
      data-differs={row.differs ? 'true' : 'false'}
      className={cn('align-top', row.differs && 'bg-sky-50/60 dark:bg-sky-950/30')}
    >
      <TableCell className="font-mono" title={row.description}>
        {row.path}
        {row.differs && (
          <Badge tone="info" className="ml-1.5" title="Differs from the kubelet default for this version">
            changed
          </Badge>
        )}
        {row.warnings.map((w) => (
          <div key={w} className="mt-0.5 font-sans text-amber-800 dark:text-amber-300">
            ⚠ {w}
          </div>
        ))}
      </TableCell>
      <TableCell className="max-w-md font-mono break-all" title={raw}>
        {row.display}
      </TableCell>
      <TableCell className="max-w-xs font-mono break-all text-zinc-600 dark:text-zinc-400" title={row.defaultNote}>
        {row.defaultDisplay}
        {row.defaultNote && <span className="ml-1 font-sans text-zinc-400">*</span>}
      </TableCell>
      <TableCell className="font-mono whitespace-nowrap">
        {row.flag ? (
          <span title={row.flagState === 'deprecated' ? 'Deprecated flag: set it in the config file' : undefined}>
            {row.flag}
            {row.flagState === 'deprecated' && <span className="ml-1 font-sans text-zinc-400">(deprecated)</span>}
          </span>
        ) : (
          <span className="font-sans text-zinc-400">config file only</span>
        )}
      </TableCell>
    </TableRow>
  );
}

import { visibleRows } from './config-diff';
import { toCsv, toJson, toMarkdown, type ExportRow } from './diff-export';

/**
 * The diff table of a compare report as a downloadable file. Rows follow the page: only differing keys unless
 * `all`, and ignored (per-node) rows only when the report includes them.
 */
export interface ExportableReport {
  context: string;
  columns: ReadonlyArray<{ label: string }>;
  rows: ReadonlyArray<
    ExportRow & {
      values: ReadonlyArray<{ display: string; defaulted: boolean; canonical: string; cls: number } | null>;
    }
  >;
}

const TYPES = { csv: 'text/csv; charset=utf-8', md: 'text/markdown; charset=utf-8', json: 'application/json' } as const;

export function exportCompare(report: ExportableReport, format: 'csv' | 'md' | 'json', all: boolean) {
  const visible = visibleRows(
    report.rows.map((r) => ({ ...r, path: [...r.path], values: [...r.values] })),
    all,
  );
  // as the page lists them: drift first, then the keys that differ only by kubelet version
  const table = {
    columns: report.columns,
    rows: all
      ? visible
      : [...visible.filter((r) => r.kind !== 'version'), ...visible.filter((r) => r.kind === 'version')],
  };
  const safeContext = report.context.replace(/[^\w.-]+/g, '_') || 'cluster';
  const body =
    format === 'csv'
      ? toCsv(table)
      : format === 'md'
        ? toMarkdown(table, `Kubelet config drift (${report.context})`)
        : toJson(table);
  return { body, contentType: TYPES[format], filename: `kubelet-config-drift-${safeContext}.${format}` };
}

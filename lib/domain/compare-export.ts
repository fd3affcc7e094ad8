import { visibleRows } from './config-diff';
import { csvField, mdCell, toCsv, toMarkdown, type ExportRow } from './diff-export';

/**
 * A compare report as a downloadable file. Every format carries what the page shows, in the page's order: the
 * baseline findings (when a baseline was chosen), the fleet variants with their nodes, the diff table, and the nodes
 * whose config could not be read. Across clusters every node reference is `<context>/<node>`, as on the page.
 * Diff rows follow the page: only differing keys unless `all`, and ignored (per-node) rows only when the report
 * includes them. JSON is the whole report (app/api/compare/route.ts); this builds CSV and Markdown.
 *
 * CSV holds one table per section, separated by an empty line, each opened by a one-field title row: a spreadsheet
 * shows them one under the other, and a script can split on the empty lines.
 */
export interface ExportableReport {
  context: string;
  columns: ReadonlyArray<{ label: string }>;
  rows: ReadonlyArray<
    ExportRow & {
      values: ReadonlyArray<{ display: string; defaulted: boolean; canonical: string; cls: number } | null>;
    }
  >;
  variants: ReadonlyArray<{
    id: string;
    label: string;
    /** node references: `<context>/<node>` across clusters, node names in one */
    nodes: readonly string[];
    versions: readonly string[];
    outlier: boolean;
    keys: ReadonlyArray<{ path: readonly string[]; display: string | null; defaulted: boolean }>;
  }>;
  unknown: ReadonlyArray<{ node: string; version: string; reason: string; message: string }>;
  baseline: {
    label: string;
    unavailable?: { reason: string; message: string };
    results: ReadonlyArray<{
      variantId: string;
      nodes: readonly string[];
      versions: readonly string[];
      differences: ReadonlyArray<{
        path: readonly string[];
        expected: { display: string; defaulted: boolean } | null;
        actual: { display: string; defaulted: boolean } | null;
        flag?: string;
        causes: ReadonlyArray<{ text: string }>;
      }>;
    }>;
  } | null;
}

const TYPES = { csv: 'text/csv; charset=utf-8', md: 'text/markdown; charset=utf-8' } as const;

type Value = { display: string; defaulted: boolean } | null;
const valueText = (v: Value) => (v ? `${v.display}${v.defaulted ? ' (default)' : ''}` : '—');

interface Section {
  title: string;
  header: string[];
  rows: string[][];
  /** Markdown: a sentence instead of an empty table */
  empty: string;
}

function baselineSection(report: ExportableReport): Section | null {
  const b = report.baseline;
  if (!b) return null;
  const title = `Against baseline ${b.label}`;
  if (b.unavailable)
    return {
      title,
      header: ['unavailable', 'message'],
      rows: [[b.unavailable.reason, b.unavailable.message]],
      empty: '',
    };
  const labels = new Map(report.variants.map((v) => [v.id, v.label]));
  const rows = b.results.flatMap((r) =>
    r.differences.length === 0
      ? [[labels.get(r.variantId) ?? r.variantId, r.nodes.join(' '), r.versions.join(' '), '', 'matches', '', '', '']]
      : r.differences.map((d) => [
          labels.get(r.variantId) ?? r.variantId,
          r.nodes.join(' '),
          r.versions.join(' '),
          d.path.join('.'),
          valueText(d.expected),
          valueText(d.actual),
          d.flag ?? 'config file only',
          d.causes.map((c) => c.text).join(' / '),
        ]),
  );
  return {
    title,
    header: ['variant', 'nodes', 'versions', 'key', 'baseline', 'node', 'set by flag', 'usual cause'],
    rows,
    empty: 'No readable node to compare.',
  };
}

/**
 * Which nodes make up each variant, so a variant column ("A (6 nodes)") of the diff table can be traced to its
 * nodes, each named with its context across clusters, and what sets the variant apart from the fleet's usual values.
 */
function variantsSection(report: ExportableReport): Section {
  return {
    title: 'Fleet variants',
    header: ['variant', 'nodes', 'versions', 'outlier', 'sets it apart'],
    rows: report.variants.map((v) => [
      v.label,
      v.nodes.join(' '),
      v.versions.join(' '),
      v.outlier ? 'yes' : 'no',
      v.keys
        .map(
          (k) =>
            `${k.path.join('.')}=${k.display === null ? '—' : valueText({ display: k.display, defaulted: k.defaulted })}`,
        )
        .join('; '),
    ]),
    empty: 'No readable node.',
  };
}

function unknownSection(report: ExportableReport): Section {
  return {
    title: 'Unreadable nodes (config unknown)',
    header: ['node', 'version', 'reason', 'message'],
    rows: report.unknown.map((u) => [u.node, u.version, u.reason, u.message]),
    empty: 'None: every selected node was read.',
  };
}

const csvSection = (s: Section) =>
  [[s.title], s.header, ...s.rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('');

function mdSection(s: Section): string {
  const lines = [`## ${mdCell(s.title)}`, ''];
  if (s.rows.length === 0) lines.push(s.empty);
  else
    lines.push(
      `| ${s.header.map(mdCell).join(' | ')} |`,
      `|${s.header.map(() => ' --- ').join('|')}|`,
      ...s.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
    );
  return `${lines.join('\n')}\n`;
}

export function exportCompare(report: ExportableReport, format: 'csv' | 'md', all: boolean) {
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
  const baseline = baselineSection(report);
  const variants = variantsSection(report);
  const unknown = unknownSection(report);
  const diffTitle = all ? 'All keys' : 'Differing keys';
  const body =
    format === 'csv'
      ? [
          ...(baseline ? [csvSection(baseline)] : []),
          csvSection(variants),
          `${csvField(diffTitle)}\r\n${toCsv(table)}`,
          csvSection(unknown),
        ].join('\r\n')
      : [
          `# ${mdCell(`Kubelet config drift (${report.context})`)}\n`,
          ...(baseline ? [mdSection(baseline)] : []),
          mdSection(variants),
          toMarkdown(table, diffTitle),
          mdSection(unknown),
        ].join('\n');
  return { body, contentType: TYPES[format], filename: `kubelet-config-drift-${safeContext}.${format}` };
}

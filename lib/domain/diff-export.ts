import { formatPath } from './config-flatten';

/**
 * Export of the diff table as CSV (RFC 4180), Markdown (GitHub table) and JSON. The same rows and
 * columns the page shows go out, so an exported file "opens with the same rows".
 */
interface ExportColumn {
  label: string;
}

export interface ExportRow {
  path: readonly string[];
  values: ReadonlyArray<{ display: string; defaulted: boolean } | null>;
  differs: boolean;
  /** a differing row's kind: drift, or a difference that comes only from the kubelet versions */
  kind?: 'drift' | 'version';
  ignored: boolean;
}

export interface ExportTable {
  columns: readonly ExportColumn[];
  rows: readonly ExportRow[];
}

/** Cell text: the value, "(default)" when the version's default filled it, "—" when absent. */
function cellText(v: ExportRow['values'][number]): string {
  if (!v) return '—';
  return v.defaulted ? `${v.display} (default)` : v.display;
}

/**
 * RFC 4180 field: quoted when it holds a comma, quote, CR or LF, with quotes doubled. A leading = + @ (or a
 * `-` not starting a number, so podPidsLimit -1 stays -1) is prefixed with a quote so spreadsheet apps do not
 * evaluate it as a formula (CSV injection).
 */
export function csvField(text: string): string {
  const safe = /^[=+@\t\r]/.test(text) || /^-(?![\d.])/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: ExportTable): string {
  const header = ['key', ...table.columns.map((c) => c.label), 'differs'];
  const lines = [header.map(csvField).join(',')];
  for (const r of table.rows) {
    const differs = r.differs ? (r.kind === 'version' ? 'version only' : 'yes') : 'no';
    lines.push([formatPath(r.path), ...r.values.map(cellText), differs].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Markdown table cell: pipes and backslashes escaped, newlines turned into <br>. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function toMarkdown(table: ExportTable, title?: string): string {
  const header = ['Key', ...table.columns.map((c) => c.label)];
  const out: string[] = [];
  if (title) out.push(`## ${mdCell(title)}`, '');
  out.push(`| ${header.map(mdCell).join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`);
  for (const r of table.rows) {
    const key = `\`${formatPath(r.path).replace(/`/g, "'")}\`${r.ignored ? ' (per-node)' : ''}${r.differs && r.kind === 'version' ? ' (version only)' : ''}`;
    out.push(`| ${[mdCell(key), ...r.values.map((v) => mdCell(cellText(v)))].join(' | ')} |`);
  }
  return `${out.join('\n')}\n`;
}

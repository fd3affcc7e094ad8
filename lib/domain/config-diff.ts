import type { Cell, CellMap } from './config-canonical';
import { formatPath, pathFromKey } from './config-flatten';
import { classifyDifference, type DifferenceKind } from './config-version-drift';

/**
 * Per-key diff across columns (nodes or variants): one row per config path, one value per column.
 * Values are compared by their canonical form, so `1Gi` and `1024Mi` are the same value. A column may be
 * `null` (configz unreadable); such a column never makes a row differ, because nothing is known about it.
 */
export interface DiffColumnInput {
  id: string;
  /** normalised config, or null when unknown */
  config: CellMap | null;
  /** ignored (per-node) leaves to show on request */
  ignored?: CellMap;
  /** the column's kubelet version, which decides its defaults and known fields */
  version?: string;
}

interface DiffValue {
  display: string;
  canonical: string;
  defaulted: boolean;
  /** equivalence class within the row: equal classes mean equal meaning (0 = most common value) */
  cls: number;
}

export interface DiffRow {
  path: string[];
  /** one per column; null = key absent (unset and no default for that version) or column unknown */
  values: Array<DiffValue | null>;
  differs: boolean;
  /**
   * for a differing row: `drift` when kubelets that know the field are configured differently, `version` when the
   * values differ only because the kubelet versions do (a field one version lacks, a default that changed)
   */
  kind?: DifferenceKind;
  /** row comes from the ignore list (per-node field) */
  ignored: boolean;
}

const ABSENT = '\u0000absent';

function rowFor(path: string[], cells: Array<Cell | undefined>, known: boolean[], ignored: boolean): DiffRow {
  const counts = new Map<string, number>();
  cells.forEach((c, i) => {
    if (!known[i]) return;
    const key = c?.canon ?? ABSENT;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  // class 0 is the most common value, so the UI can highlight the minority
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  const clsOf = new Map(ranked.map((k, i) => [k, i]));
  return {
    path,
    values: cells.map((c) =>
      c ? { display: c.display, canonical: c.canonical, defaulted: c.defaulted, cls: clsOf.get(c.canon) ?? 0 } : null,
    ),
    differs: counts.size > 1,
    ignored,
  };
}

/** All rows, sorted by display path; filter on `differs` for the default "only differences" view. */
export function diffColumns(
  columns: readonly DiffColumnInput[],
  opts: { includeIgnored: boolean; defaultsOf?: (version: string | undefined) => CellMap },
): DiffRow[] {
  const paths = new Map<string, string[]>();
  const ignoredPaths = new Map<string, string[]>();
  for (const c of columns) {
    if (c.config) for (const [k, p] of c.config.paths) paths.set(k, p);
    if (opts.includeIgnored && c.ignored)
      for (const [k, p] of c.ignored.paths) if (!paths.has(k)) ignoredPaths.set(k, p);
  }
  const known = columns.map((c) => c.config !== null);
  const rows: DiffRow[] = [];
  const defaultsOf = opts.defaultsOf;
  for (const [k, p] of paths) {
    const row = rowFor(
      p,
      columns.map((c) => c.config?.cells.get(k)),
      known,
      false,
    );
    if (row.differs && defaultsOf)
      row.kind = classifyDifference(
        k,
        columns.map((c) => (c.config ? { version: c.version, cell: c.config.cells.get(k) } : null)),
        defaultsOf,
      );
    rows.push(row);
  }
  for (const [k, p] of ignoredPaths) {
    if (paths.has(k)) continue;
    rows.push(
      rowFor(
        p,
        columns.map((c) => c.ignored?.cells.get(k)),
        known,
        true,
      ),
    );
  }
  return rows.sort((a, b) => formatPath(a.path).localeCompare(formatPath(b.path)));
}

/** Rows to show: differing ones only unless `all`; ignored rows only when asked for (already filtered). */
export const visibleRows = (rows: readonly DiffRow[], all: boolean): DiffRow[] =>
  all ? [...rows] : rows.filter((r) => r.differs);

/** Path of a pathKey, for callers holding keys (distinguishingKeys). */
export const keyToPath = pathFromKey;

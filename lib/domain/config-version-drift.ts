import { normalizeConfig, type Cell, type CellMap } from './config-canonical';
import { parseMinor } from './config-defaults';
import { pathFromKey } from './config-flatten';
import { fieldExistsIn, REFERENCE_MINOR } from './kubelet-fields';

/**
 * Drift across kubelet versions. A configz shows every field its kubelet knows, at that version's default when the
 * config file leaves it unset, so two kubelets of different minors running byte-identical config files show
 * different configz: fields only the newer one has (containerLogMaxWorkers, failCgroupV1, podLogsDir…) and defaults
 * that changed (evictionHard gained imagefs.inodesFree in v1.30, kubeAPIQPS 5 → 50 in v1.27). Those are version
 * differences, not configuration drift.
 *
 * So configurations are compared by how each deviates from *its own* version's defaults: a field at its version's
 * default, or unknown to that version, means "not configured" whatever the value; a field set to something else
 * means that value; a key the version's defaults have but the config lacks (an explicit evictionHard without
 * imagefs.inodesFree) means "explicitly unset". Two configs with the same deviations are the same configuration.
 * A field drifts only when the kubelets that know it deviate differently; the rest "differs only by version".
 *
 * Per-version field sets and defaults: lib/domain/kubelet-fields.ts (kubernetes/kubelet config/v1beta1 per tag).
 * That relation is not transitive (a v1.29 kubelet's four-key evictionHard is its default *and* equal to a v1.33
 * kubelet's explicit four-key map, which is not the v1.33 default), so variants are built greedily as groups whose
 * members are pairwise the same configuration (config-variants.ts), largest first.
 */

/** The minor a version string means for defaults (unknown versions use the reference's). */
const minorFor = (version: string | undefined): number => parseMinor(version) ?? REFERENCE_MINOR;

const TOP = new Map<string, string>();
const topLevel = (key: string): string => {
  let t = TOP.get(key);
  if (t === undefined) {
    t = pathFromKey(key)[0] ?? key;
    if (TOP.size < 10_000) TOP.set(key, t);
  }
  return t;
};

/** Normalised defaults per (minor, ignore list): pure, read-only, shared by every request (bounded). */
const DEFAULTS = new Map<string, CellMap>();
const DEFAULTS_MAX = 256;

/** Defaults of each version, normalised once per minor and ignore list. */
export function defaultsCache(ignore: readonly string[]): (version: string | undefined) => CellMap {
  const list = ignore.join('\u0000');
  return (version) => {
    const minor = minorFor(version);
    const key = `${minor}\u0001${list}`;
    let hit = DEFAULTS.get(key);
    if (!hit) {
      if (DEFAULTS.size >= DEFAULTS_MAX) DEFAULTS.clear();
      DEFAULTS.set(key, (hit = normalizeConfig({}, `v1.${minor}.0`, ignore)));
    }
    return hit;
  };
}

/**
 * Whether a kubelet knows a field: its version has it, or its configz shows it (a configz only holds fields its
 * kubelet has, whatever the version string says: vendor builds backport fields).
 */
const knowsIn = (key: string, cell: Cell | undefined, minor: number) =>
  cell !== undefined || fieldExistsIn(topLevel(key), minor);

export interface VersionedConfig {
  version: string | undefined;
  config: CellMap;
}

/** A config with its minor and defaults resolved once, for comparing many keys. */
interface Resolved {
  minor: number;
  cells: Map<string, Cell>;
  defaults: Map<string, Cell>;
}

const resolve = (v: VersionedConfig, defaultsOf: (version: string | undefined) => CellMap): Resolved => ({
  minor: minorFor(v.version),
  cells: v.config.cells,
  defaults: defaultsOf(v.version).cells,
});

/**
 * Whether two kubelets hold the same configuration for one key: the same effective value (absent = absent), or
 * each its own version's default. When only one of them knows the field, the same configuration means that one
 * leaves it at its default; `bothKnow` tells the caller whether a difference can be drift.
 */
function compatible(key: string, a: Resolved, b: Resolved): { same: boolean; bothKnow: boolean } {
  const ca = a.cells.get(key);
  const cb = b.cells.get(key);
  const ka = knowsIn(key, ca, a.minor);
  const kb = knowsIn(key, cb, b.minor);
  const dA = a.defaults.get(key);
  const dB = b.defaults.get(key);
  const da = ca ? dA !== undefined && dA.canon === ca.canon : dA === undefined;
  const db = cb ? dB !== undefined && dB.canon === cb.canon : dB === undefined;
  if (!ka || !kb) return { same: (ka ? da : true) && (kb ? db : true), bothKnow: false };
  return { same: ca?.canon === cb?.canon || (da && db), bothKnow: true };
}

/**
 * The same configuration on every key (possibly on different kubelet versions): every key either config or its
 * version's defaults hold (a key checked twice costs a lookup, cheaper than building the union).
 */
export function sameConfiguration(
  a: VersionedConfig,
  b: VersionedConfig,
  defaultsOf: (version: string | undefined) => CellMap,
): boolean {
  const ra = resolve(a, defaultsOf);
  const rb = resolve(b, defaultsOf);
  for (const m of [ra.cells, rb.cells, ra.defaults, rb.defaults])
    for (const k of m.keys()) if (!compatible(k, ra, rb).same) return false;
  return true;
}

export type DifferenceKind = 'drift' | 'version';

/**
 * Whether a differing key is drift or a version difference. Columns that are unknown (null) do not count.
 * Drift: two kubelets that both know the field hold different configurations for it (neither the same effective
 * value nor each its own default).
 */
export function classifyDifference(
  key: string,
  columns: ReadonlyArray<{ version: string | undefined; cell: Cell | undefined } | null>,
  defaultsOf: (version: string | undefined) => CellMap,
): DifferenceKind {
  const resolved: Resolved[] = [];
  for (const c of columns)
    if (c)
      resolved.push({
        minor: minorFor(c.version),
        cells: c.cell ? new Map([[key, c.cell]]) : new Map(),
        defaults: defaultsOf(c.version).cells,
      });
  for (let i = 0; i < resolved.length; i++)
    for (let j = i + 1; j < resolved.length; j++) {
      const r = compatible(key, resolved[i]!, resolved[j]!);
      if (r.bothKnow && !r.same) return 'drift';
    }
  return 'version';
}

/**
 * Keys on which configs of the same configuration but different versions still differ: the fields only some of
 * those versions have, or whose defaults differ. Shown as "differs only by kubelet version".
 */
export function versionOnlyKeys(members: ReadonlyArray<{ config: CellMap }>): string[] {
  if (members.length < 2) return [];
  const keys = new Set<string>();
  for (const m of members) for (const k of m.config.cells.keys()) keys.add(k);
  const out: string[] = [];
  for (const k of keys) {
    const first = members[0]?.config.cells.get(k)?.canon;
    if (members.some((m) => m.config.cells.get(k)?.canon !== first)) out.push(k);
  }
  return out.sort();
}

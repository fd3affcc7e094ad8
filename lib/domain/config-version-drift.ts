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
 * Known limit: a value set explicitly to what happens to be another version's default (kubeAPIQPS: 50 on a v1.26
 * kubelet) counts as configured there and default here, so such a pair is shown apart, as "version only".
 */

const UNSET = '\u0000unset';
const DEFAULT = '\u0000default';

/** The minor a version string means for defaults (unknown versions use the reference's). */
export const minorFor = (version: string | undefined): number => parseMinor(version) ?? REFERENCE_MINOR;

const topLevel = (key: string): string => pathFromKey(key)[0] ?? key;

/** Defaults of each version, normalised once per minor and ignore list. */
export function defaultsCache(ignore: readonly string[]): (version: string | undefined) => CellMap {
  const cache = new Map<number, CellMap>();
  return (version) => {
    const minor = minorFor(version);
    let hit = cache.get(minor);
    if (!hit) cache.set(minor, (hit = normalizeConfig({}, `v1.${minor}.0`, ignore)));
    return hit;
  };
}

/**
 * Whether a kubelet knows a field: its version has it, or its configz shows it (a configz only holds fields its
 * kubelet has, whatever the version string says: vendor builds backport fields).
 */
const knows = (key: string, cell: Cell | undefined, version: string | undefined) =>
  cell !== undefined || fieldExistsIn(topLevel(key), minorFor(version));

/** What one key means for one kubelet: its deviation from that kubelet's defaults. */
export function deviationToken(key: string, cell: Cell | undefined, version: string | undefined, defaults: CellMap) {
  if (!knows(key, cell, version)) return DEFAULT;
  const d = defaults.cells.get(key);
  if (cell) return d && d.canon === cell.canon ? DEFAULT : cell.canon;
  return d ? UNSET : DEFAULT;
}

/** Order-independent text of a config's deviations from its version's defaults: equal ⇔ same configuration. */
export function deviationSignature(config: CellMap, version: string | undefined, defaults: CellMap): string {
  const lines: string[] = [];
  for (const [key, cell] of config.cells) {
    const t = deviationToken(key, cell, version, defaults);
    if (t !== DEFAULT) lines.push(`${key}=${t}`);
  }
  for (const key of defaults.cells.keys()) if (!config.cells.has(key)) lines.push(`${key}=${UNSET}`);
  return lines.sort().join('\n');
}

export type DifferenceKind = 'drift' | 'version';

/**
 * Whether a differing key is drift or a version difference. Columns that are unknown (null) do not count.
 * Drift: two kubelets that both know the field deviate from their defaults differently.
 */
export function classifyDifference(
  key: string,
  columns: ReadonlyArray<{ version: string | undefined; cell: Cell | undefined } | null>,
  defaultsOf: (version: string | undefined) => CellMap,
): DifferenceKind {
  const tokens = new Set<string>();
  for (const c of columns) {
    if (!c || !knows(key, c.cell, c.version)) continue;
    tokens.add(deviationToken(key, c.cell, c.version, defaultsOf(c.version)));
  }
  return tokens.size > 1 ? 'drift' : 'version';
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

/**
 * Flattening a KubeletConfiguration into leaf paths for comparison.
 *
 * A path is kept as an array of keys, because map keys in kubelet config contain dots
 * (`evictionHard["memory.available"]`): joining early would make `evictionHard.memory.available`
 * ambiguous. Paths are joined only for display and for matching the user's ignore list.
 */
export type ConfigPath = readonly string[];

/** Unit separator: never appears in a JSON key the kubelet writes, so `pathKey` round-trips. */
const SEP = '\u001f';

/** Stable Map key for a path (not for display). */
export const pathKey = (path: ConfigPath): string => path.join(SEP);

/** Inverse of `pathKey`. */
export const pathFromKey = (key: string): string[] => key.split(SEP);

/** Display form: segments joined with dots, as the issue and kubelet docs write them. */
export const formatPath = (path: ConfigPath): string => path.join('.');

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Calls `visit` for every leaf of `config`: primitives and arrays are leaves, objects are walked.
 * `null`/`undefined` are skipped (Go's omitempty and YAML `null` both mean "not set"), and an empty
 * object contributes nothing (`memorySwap: {}` is the same as no `memorySwap`).
 */
export function forEachLeaf(
  config: Record<string, unknown>,
  visit: (path: string[], value: unknown) => void,
  prefix: string[] = [],
): void {
  for (const key of Object.keys(config)) {
    const value = config[key];
    if (value === null || value === undefined) continue;
    const path = [...prefix, key];
    if (isPlainObject(value)) forEachLeaf(value, visit, path);
    else visit(path, value);
  }
}

/** Reads the value at `path`, or undefined when any segment is missing. */
export function getAtPath(config: Record<string, unknown>, path: ConfigPath): unknown {
  let cur: unknown = config;
  for (const seg of path) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

/**
 * Whether `path` is covered by an ignore pattern. Patterns are dotted display paths and match on
 * segment boundaries: `tlsCertFile` ignores `tlsCertFile`, `evictionHard` ignores every threshold,
 * `evictionHard.memory.available` ignores only that key. Matching the joined text (not segments)
 * lets a user type a map key containing dots without quoting.
 */
export function isIgnored(path: ConfigPath, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  const text = formatPath(path);
  for (const p of patterns) {
    if (text === p || (text.startsWith(p) && text.charCodeAt(p.length) === 46 /* . */)) return true;
  }
  return false;
}

/**
 * Copy of `config` with the ignored paths removed, copying only the objects along each removed path.
 * Used to deduplicate bodies cheaply before normalising; a pattern that does not name exact keys
 * is simply not stripped here (grouping still applies `isIgnored` leaf by leaf, so results are equal).
 */
export function stripPaths(config: Record<string, unknown>, patterns: readonly string[]): Record<string, unknown> {
  let out = config;
  for (const p of patterns) {
    const segs = p.split('.');
    if (getAtPath(out, segs) === undefined) continue;
    out = removeAt(out, segs);
  }
  return out;
}

function removeAt(obj: Record<string, unknown>, segs: string[]): Record<string, unknown> {
  const [head, ...rest] = segs;
  if (head === undefined) return obj;
  const copy = { ...obj };
  if (rest.length === 0) delete copy[head];
  else {
    const child = copy[head];
    if (isPlainObject(child)) copy[head] = removeAt(child, rest);
  }
  return copy;
}

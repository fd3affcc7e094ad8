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
    if (text === p || (text.startsWith(p) && text.charCodeAt(p.length) === 46) /* . */) return true;
  }
  return false;
}

/** Ignore patterns as a trie of path segments; `true` marks an ignored subtree. */
export type IgnoreTrie = Map<string, IgnoreTrie | true>;

/** Builds the trie used by fingerprint/sameConfig. "a.b.c" is split on dots; map keys with dots are matched below. */
export function ignoreTrie(patterns: readonly string[]): IgnoreTrie {
  const root: IgnoreTrie = new Map();
  for (const p of patterns) {
    let level = root;
    const segs = p.split('.');
    segs.forEach((seg, i) => {
      if (i === segs.length - 1) level.set(seg, true);
      else {
        const next = level.get(seg);
        if (next === true) return;
        const child: IgnoreTrie = next ?? new Map();
        level.set(seg, child);
        level = child;
      }
    });
  }
  return root;
}

/** The trie below `key` at this level: `true` = ignored, undefined = nothing ignored below. */
function descend(level: IgnoreTrie | undefined, key: string): IgnoreTrie | true | undefined {
  if (!level || level.size === 0) return undefined;
  const dot = key.indexOf('.');
  if (dot === -1) return level.get(key);
  if (!level.has(key.slice(0, dot))) return undefined;
  // a map key containing dots ("memory.available") matches the pattern segments it spans
  let cur: IgnoreTrie | true | undefined = level;
  for (const seg of key.split('.')) {
    if (cur === undefined || cur === true) break;
    cur = cur.get(seg);
  }
  return cur;
}

const mix = (h: number, v: number) => Math.imul(h ^ v, 0x9e3779b1);

function hashText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return mix(h, 0x1f);
}

function hashValue(h: number, v: unknown, trie: IgnoreTrie | undefined): number {
  if (v === null || v === undefined) return mix(h, 1);
  switch (typeof v) {
    case 'string':
      return hashText(mix(h, 2), v);
    case 'number':
      // small integers (ports, counts) mix directly; anything else by its text, allocation only when needed
      return (v | 0) === v ? mix(mix(h, 3), v) : hashText(mix(h, 8), String(v));
    case 'boolean':
      return mix(h, v ? 4 : 5);
  }
  if (Array.isArray(v)) {
    h = mix(h, 6);
    for (const x of v) h = hashValue(h, x, undefined);
    return mix(h, v.length);
  }
  h = mix(h, 7);
  const obj = v as Record<string, unknown>;
  for (const k in obj) {
    const sub = descend(trie, k);
    if (sub === true || obj[k] === undefined) continue;
    h = hashValue(hashText(h, k), obj[k], sub);
  }
  return h;
}

/**
 * Allocation-free 32-bit fingerprint of a config's JSON structure without the ignored paths, for bucketing
 * identical bodies before normalising. Key order counts (bodies from one kubelet build serialise in one
 * order; a reordered body only costs one extra normalisation). Collisions are resolved with `sameConfig`.
 * Stringifying 5,000 bodies instead cost ~50 ms plus as much again in garbage collection.
 */
export function fingerprint(config: Record<string, unknown>, trie: IgnoreTrie): number {
  return hashValue(0x811c9dc5, config, trie) >>> 0;
}

/** Structural equality of two configs ignoring the trie's paths (key order does not matter here). */
export function sameConfig(a: unknown, b: unknown, trie: IgnoreTrie | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameConfig(a[i], b[i], undefined)) return false;
    return true;
  }
  // no key arrays: count y's keys, then check each of x's against y (order-insensitive, allocation-free)
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let ny = 0;
  for (const k in y) if (y[k] !== undefined && descend(trie, k) !== true) ny++;
  let nx = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    const sub = descend(trie, k);
    if (sub === true) continue;
    nx++;
    if (!sameConfig(x[k], y[k], sub)) return false;
  }
  if (nx !== ny) return false;
  return true;
}

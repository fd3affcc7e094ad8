import { applyDefaults } from './config-defaults';
import { forEachLeaf, getAtPath, isIgnored, isPlainObject, pathKey } from './config-flatten';
import { canonicalDisplay, normalizeLeaf } from './config-normalize';

/**
 * The effective, normalised form of one kubelet config: every leaf after kubelet defaulting, keyed by
 * path, with a canonical value for comparison. Two configs mean the same thing exactly when their
 * `signature`s are equal.
 */
export interface Cell {
  canon: string;
  /** value as written by the source */
  display: string;
  /** canonical rendering ("1Gi" for 1024Mi, "1m0s" for 60s) */
  canonical: string;
  /** true when the value was filled in by the version's default (the source did not set it) */
  defaulted: boolean;
}

/** pathKey → Cell, plus the original path arrays so map keys with dots survive. */
export interface CellMap {
  cells: Map<string, Cell>;
  paths: Map<string, string[]>;
}

/** Keys the wrapper or the file header carry: never configuration. */
const META_KEYS = new Set(['apiVersion', 'kind']);

/**
 * Applies the version's defaults to `config` and normalises every non-ignored leaf.
 * Ignored leaves are skipped here (grouping must not see them); use `ignoredCells` to show them.
 */
export function normalizeConfig(
  config: Record<string, unknown>,
  version: string | undefined,
  ignore: readonly string[],
): CellMap {
  const { config: effective, defaulted } = applyDefaults(config, version);
  const cells = new Map<string, Cell>();
  const paths = new Map<string, string[]>();
  forEachLeaf(effective, (path, value) => {
    if (path.length === 1 && META_KEYS.has(path[0] as string)) return;
    if (isIgnored(path, ignore)) return;
    const key = pathKey(path);
    const { canon, display } = normalizeLeaf(path, value);
    cells.set(key, { canon, display, canonical: canonicalDisplay(path, value), defaulted: defaulted.has(key) });
    paths.set(key, path);
  });
  return { cells, paths };
}

/**
 * Leaves under the ignore patterns only, read straight from the source config (no defaults: per-node
 * fields have none worth showing). Patterns that name exact keys are looked up directly, which keeps
 * this cheap enough to run per node.
 */
export function ignoredCells(config: Record<string, unknown>, ignore: readonly string[]): CellMap {
  const cells = new Map<string, Cell>();
  const paths = new Map<string, string[]>();
  const add = (path: string[], value: unknown) => {
    const key = pathKey(path);
    const { canon, display } = normalizeLeaf(path, value);
    cells.set(key, { canon, display, canonical: canonicalDisplay(path, value), defaulted: false });
    paths.set(key, path);
  };
  for (const pattern of ignore) {
    const segs = pattern.split('.');
    const value = getAtPath(config, segs);
    if (value === undefined || value === null) continue;
    if (isPlainObject(value)) forEachLeaf(value, add, segs);
    else add(segs, value);
  }
  return { cells, paths };
}

/** Order-independent text of a CellMap: sorted `key=canon` lines. Equal signatures ⇔ equal meaning. */
export function signature(map: CellMap): string {
  const keys = [...map.cells.keys()].sort();
  let out = '';
  for (const k of keys) out += `${k}=${(map.cells.get(k) as Cell).canon}\n`;
  return out;
}

/**
 * 53-bit string hash (cyrb53, public domain), as 14 hex digits. Pure and browser-safe, unlike node:crypto;
 * used for short variant ids, never for equality (grouping compares full signatures).
 */
export function hashString(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

import { hashString, ignoredCells, normalizeConfig, signature, type Cell, type CellMap } from './config-canonical';
import { parseMinor } from './config-defaults';
import { fingerprint, ignoreTrie, sameConfig } from './config-flatten';
import { classifyDifference, defaultsCache, sameConfiguration, versionOnlyKeys } from './config-version-drift';

/**
 * Fleet variants: nodes grouped by the meaning of their effective kubelet config (minus the ignore list).
 *
 * Work is done per distinct body, not per node: bodies are first deduplicated by their JSON text with
 * ignored per-node fields stripped (cheap, catches the usual case of identical kubelets), then each
 * distinct body is defaulted, normalised and signed once. With 5,000 nodes and a handful of variants
 * that is a few dozen normalisations, which is what keeps grouping under the 150 ms budget.
 */
export type NodeConfigResult =
  | { node: string; version: string; ok: true; config: Record<string, unknown> }
  | { node: string; version: string; ok: false; reason: string; message: string };

export interface Variant {
  /** short content hash of the signature; stable across requests for the same config */
  id: string;
  nodes: string[];
  versions: string[];
  /**
   * effective config of the variant's newest kubelet version (members of one version share it exactly; members of
   * other versions share its configuration, differing only in `versionOnlyKeys`)
   */
  config: CellMap;
  /** the kubelet version `config` is that of */
  version: string;
  /** keys on which members of different kubelet versions differ only because of their version */
  versionOnlyKeys: string[];
}

export interface Grouping {
  /** single-node outliers first, then larger variants, biggest first */
  variants: Variant[];
  unknown: Array<Extract<NodeConfigResult, { ok: false }>>;
  /** node → variant id */
  variantOf: Map<string, string>;
  /** node → its own effective config (members of one variant on other kubelet versions differ in version-only keys) */
  configOf: Map<string, CellMap>;
  /** distinct configz bodies actually normalised (after text dedup) */
  distinctBodies: number;
}

import { DEFAULT_IGNORE } from './config-ignore';
export { DEFAULT_IGNORE };

export function groupVariants(results: readonly NodeConfigResult[], ignore: readonly string[]): Grouping {
  const unknown: Grouping['unknown'] = [];
  type Body = {
    version: string;
    minor: string;
    config: Record<string, unknown>;
    nodes: string[];
    versions: Set<string>;
  };
  const trie = ignoreTrie(ignore);
  const buckets = new Map<number, Body[]>();
  let distinctBodies = 0;
  const minorOf = new Map<string, string>();
  for (const r of results) {
    if (!r.ok) {
      unknown.push(r);
      continue;
    }
    // defaults depend on the minor version only, so patch releases share a body
    let minor = minorOf.get(r.version);
    if (minor === undefined) minorOf.set(r.version, (minor = String(parseMinor(r.version) ?? r.version)));
    const fp = fingerprint(r.config, trie);
    let bucket = buckets.get(fp);
    if (!bucket) buckets.set(fp, (bucket = []));
    let body = bucket.find((b) => b.minor === minor && sameConfig(b.config, r.config, trie));
    if (!body) {
      bucket.push((body = { version: r.version, minor, config: r.config, nodes: [], versions: new Set() }));
      distinctBodies++;
    }
    body.nodes.push(r.node);
    body.versions.add(r.version);
  }

  // One entry per distinct effective config (normalised, per kubelet minor), then grouped across versions: a variant
  // is a set of configs that are pairwise the same configuration (config-version-drift.ts), built greedily from the
  // most common config down, so identical configuration on different kubelet versions is one variant.
  const defaultsOf = defaultsCache(ignore);
  type Distinct = {
    version: string;
    minor: number;
    config: CellMap;
    sig: string;
    nodes: string[];
    versions: Set<string>;
  };
  const distinct = new Map<string, Distinct>();
  const configOf = new Map<string, CellMap>();
  for (const body of [...buckets.values()].flat()) {
    const config = normalizeConfig(body.config, body.version, ignore);
    const key = `${body.minor}\n${signature(config)}`;
    let d = distinct.get(key);
    if (!d)
      distinct.set(
        key,
        (d = {
          version: body.version,
          minor: parseMinor(body.version) ?? 0,
          config,
          sig: key,
          nodes: [],
          versions: new Set(),
        }),
      );
    d.nodes.push(...body.nodes);
    for (const ver of body.versions) d.versions.add(ver);
    for (const n of body.nodes) configOf.set(n, d.config);
  }
  const ordered = [...distinct.values()].sort(
    (a, b) => b.nodes.length - a.nodes.length || (a.nodes[0] ?? '').localeCompare(b.nodes[0] ?? ''),
  );
  const groups: Distinct[][] = [];
  for (const d of ordered) {
    const home = groups.find((g) =>
      // one minor has one set of defaults: there the same configuration is the same effective config, and
      // distinct entries of one minor differ by construction, so only cross-version pairs need comparing
      g.every((m) => m.minor !== d.minor && sameConfiguration({ version: m.version, config: m.config }, d, defaultsOf)),
    );
    if (home) home.push(d);
    else groups.push([d]);
  }

  const variants: Variant[] = groups.map((g) => {
    const rep = g.reduce((a, b) => (b.minor > a.minor ? b : a));
    return {
      id: hashString(
        g
          .map((m) => m.sig)
          .sort()
          .join('\n\n'),
      ),
      nodes: g.flatMap((m) => m.nodes).sort(),
      versions: [...new Set(g.flatMap((m) => [...m.versions]))].sort(),
      config: rep.config,
      version: rep.version,
      versionOnlyKeys: versionOnlyKeys(g),
    };
  });
  variants.sort((a, b) => {
    const aOut = a.nodes.length === 1 ? 0 : 1;
    const bOut = b.nodes.length === 1 ? 0 : 1;
    if (aOut !== bOut) return aOut - bOut;
    if (a.nodes.length !== b.nodes.length) return b.nodes.length - a.nodes.length;
    return (a.nodes[0] ?? '').localeCompare(b.nodes[0] ?? '');
  });
  const variantOf = new Map<string, string>();
  for (const v of variants) for (const n of v.nodes) variantOf.set(n, v.id);
  unknown.sort((a, b) => a.node.localeCompare(b.node));
  return { variants, unknown, variantOf, configOf, distinctBodies };
}

/**
 * Keys that drift between variants: a kubelet that knows the field deviates from its version's default
 * differently from another. Keys whose values differ only because the variants' kubelet versions do are left out
 * (see `versionKeys`). `ignore` must be the list the variants were grouped with.
 * @internal the page uses differingKeys (one pass); tests state the two halves apart
 */
export function distinguishingKeys(variants: readonly Variant[], ignore: readonly string[] = DEFAULT_IGNORE): string[] {
  return differingKeys(variants, ignore).drift;
}

/**
 * Keys whose values differ between variants only because of their kubelet versions.
 * @internal as distinguishingKeys
 */
export function versionKeys(variants: readonly Variant[], ignore: readonly string[] = DEFAULT_IGNORE): string[] {
  return differingKeys(variants, ignore).version;
}

/** Keys that differ between variants, split into drift and version-only differences (one pass). */
export function differingKeys(
  variants: readonly Variant[],
  ignore: readonly string[],
): { drift: string[]; version: string[] } {
  const drift: string[] = [];
  const version: string[] = [];
  if (variants.length < 2) return { drift, version };
  const defaultsOf = defaultsCache(ignore);
  const all = new Set<string>();
  for (const v of variants) for (const k of v.config.cells.keys()) all.add(k);
  for (const k of all) {
    const first = variants[0]?.config.cells.get(k)?.canon;
    if (!variants.some((v) => v.config.cells.get(k)?.canon !== first)) continue;
    const kind = classifyDifference(
      k,
      variants.map((v) => ({ version: v.version, cell: v.config.cells.get(k) })),
      defaultsOf,
    );
    (kind === 'drift' ? drift : version).push(k);
  }
  return { drift: drift.sort(), version: version.sort() };
}

/**
 * Per-variant view of ignored fields: the members' shared value, or a "varies" cell when members differ
 * (which is the normal case for per-node fields such as tlsCertFile).
 */
export function variantIgnoredCells(
  variant: Variant,
  configsByNode: ReadonlyMap<string, Record<string, unknown>>,
  ignore: readonly string[],
): CellMap {
  const perNode = variant.nodes.map((n) => ignoredCells(configsByNode.get(n) ?? {}, ignore));
  const cells = new Map<string, Cell>();
  const paths = new Map<string, string[]>();
  for (const m of perNode) for (const [k, p] of m.paths) paths.set(k, p);
  for (const k of paths.keys()) {
    const values = perNode.map((m) => m.cells.get(k));
    const canons = new Set(values.map((c) => c?.canon ?? '∅'));
    const first = values.find((c) => c !== undefined);
    if (canons.size === 1 && first) cells.set(k, first);
    else {
      const display = `varies (${canons.size} values)`;
      cells.set(k, { canon: `varies:${canons.size}`, display, canonical: display, defaulted: false });
    }
  }
  return { cells, paths };
}

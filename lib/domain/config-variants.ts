import { hashString, ignoredCells, normalizeConfig, signature, type Cell, type CellMap } from './config-canonical';
import { parseMinor } from './config-defaults';
import { fingerprint, ignoreTrie, sameConfig } from './config-flatten';

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
  /** effective config of the variant's members (all members share it by construction) */
  config: CellMap;
}

export interface Grouping {
  /** single-node outliers first, then larger variants, biggest first */
  variants: Variant[];
  unknown: Array<Extract<NodeConfigResult, { ok: false }>>;
  /** node → variant id */
  variantOf: Map<string, string>;
  /** distinct configz bodies actually normalised (after text dedup) */
  distinctBodies: number;
}

export { DEFAULT_IGNORE } from './config-ignore';

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

  const bySignature = new Map<string, Variant & { versionSet: Set<string> }>();
  for (const body of [...buckets.values()].flat()) {
    const config = normalizeConfig(body.config, body.version, ignore);
    const sig = signature(config);
    let v = bySignature.get(sig);
    if (!v) bySignature.set(sig, (v = { id: hashString(sig), nodes: [], versions: [], config, versionSet: new Set() }));
    v.nodes.push(...body.nodes);
    for (const ver of body.versions) v.versionSet.add(ver);
  }

  const variants: Variant[] = [...bySignature.values()].map(({ versionSet, ...v }) => ({
    ...v,
    nodes: v.nodes.sort(),
    versions: [...versionSet].sort(),
  }));
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
  return { variants, unknown, variantOf, distinctBodies };
}

/**
 * Keys whose canonical value is not the same in every variant: what tells the variants apart.
 * A key missing from some variants counts as differing (that version lacks the field, or it was unset).
 */
export function distinguishingKeys(variants: readonly Variant[]): string[] {
  if (variants.length < 2) return [];
  const all = new Set<string>();
  for (const v of variants) for (const k of v.config.cells.keys()) all.add(k);
  const out: string[] = [];
  for (const k of all) {
    const first = variants[0]?.config.cells.get(k)?.canon;
    if (variants.some((v) => v.config.cells.get(k)?.canon !== first)) out.push(k);
  }
  return out.sort();
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

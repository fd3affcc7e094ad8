import { compareVariants, parseKubeletConfigYaml, versionedBaseline, type BaselineResult } from './config-baselines';
import { ignoredCells, normalizeConfig, type Cell, type CellMap } from './config-canonical';
import { diffColumns, keyToPath, type DiffColumnInput, type DiffRow } from './config-diff';
import {
  differingKeys,
  groupVariants,
  variantIgnoredCells,
  type NodeConfigResult,
  type Variant,
} from './config-variants';
import { defaultsCache } from './config-version-drift';

/**
 * Assembles the comparison the /compare page shows from configs already in hand: fleet variants, the per-key
 * diff (columns = nodes or variants), and the baseline comparison. Pure, so its cost is what the ≤ 150 ms
 * budget for 5,000 nodes is measured on (bench/compare-bench.ts).
 */
export type BaselineRequest =
  | { kind: 'configmap'; label: string; yaml: string; legacyName: boolean }
  | { kind: 'configmap'; label: string; unavailable: { reason: string; message: string } }
  /** `outside`: the picked node's configz when it is not among the compared nodes */
  | { kind: 'node'; node: string; outside?: NodeConfigResult }
  | { kind: 'defaults' }
  | null;

export interface CompareReportInput {
  /** one per selected node, in display order */
  results: readonly NodeConfigResult[];
  ignore: readonly string[];
  by: 'node' | 'variant';
  showIgnored: boolean;
  baseline: BaselineRequest;
}

const valueOf = (c: Cell | null) => (c ? { display: c.display, defaulted: c.defaulted } : null);

/**
 * "A", "B", … "Z", "AA": short stable names for variants in their sorted order.
 * @internal exported for its unit tests
 */
export function variantLetter(i: number): string {
  let s = '';
  for (let n = i; n >= 0; n = Math.floor(n / 26) - 1) s = String.fromCharCode(65 + (n % 26)) + s;
  return s;
}

function variantLabel(v: Variant, i: number): string {
  return v.nodes.length === 1 ? `${variantLetter(i)}: ${v.nodes[0]}` : `${variantLetter(i)} (${v.nodes.length} nodes)`;
}

function baselineSection(
  input: CompareReportInput,
  variants: readonly Variant[],
  configOfNode: (n: string) => CellMap | undefined,
) {
  const b = input.baseline;
  if (!b) return null;
  const unavailable = (label: string, kind: 'configmap' | 'node' | 'defaults', reason: string, message: string) => ({
    kind,
    label,
    unavailable: { reason, message },
    results: [],
  });
  let results: BaselineResult[];
  if (b.kind === 'configmap') {
    if ('unavailable' in b) return unavailable(b.label, 'configmap', b.unavailable.reason, b.unavailable.message);
    let source: Record<string, unknown>;
    try {
      source = parseKubeletConfigYaml(b.yaml);
    } catch (err) {
      return unavailable(b.label, 'configmap', 'Invalid', err instanceof Error ? err.message : 'unreadable YAML');
    }
    results = compareVariants(variants, 'configmap', versionedBaseline(source, input.ignore));
    return { kind: 'configmap' as const, label: b.label, legacyName: b.legacyName, results: withDiffs(results) };
  }
  if (b.kind === 'node') {
    const label = `node ${b.node}`;
    const out = b.outside;
    const cfg = configOfNode(b.node) ?? (out?.ok ? normalizeConfig(out.config, out.version, input.ignore) : undefined);
    if (!cfg) {
      const r = input.results.find((x) => x.node === b.node) ?? out;
      return r && !r.ok
        ? unavailable(label, 'node', r.reason, r.message)
        : unavailable(label, 'node', 'NotFound', `${b.node} is not among the compared nodes`);
    }
    results = compareVariants(variants, 'node', () => cfg);
    return { kind: 'node' as const, label, results: withDiffs(results) };
  }
  results = compareVariants(variants, 'defaults', versionedBaseline({}, input.ignore));
  return {
    kind: 'defaults' as const,
    label: 'upstream defaults for each kubelet version',
    results: withDiffs(results),
  };
}

function withDiffs(results: BaselineResult[]) {
  return results.map((r) => ({
    ...r,
    differences: r.differences.map((d) => ({
      path: d.path,
      expected: valueOf(d.expected),
      actual: valueOf(d.actual),
      ...(d.flag ? { flag: d.flag } : {}),
      causes: d.causes,
    })),
  }));
}

export function buildCompareReport(input: CompareReportInput) {
  const grouping = groupVariants(input.results, input.ignore);
  const { variants, unknown } = grouping;
  const configOfNode = (n: string) => grouping.configOf.get(n);
  const nodeConfig = (r: NodeConfigResult) => configOfNode(r.node);
  const rawConfigs = input.showIgnored
    ? new Map(input.results.flatMap((r) => (r.ok ? [[r.node, r.config] as const] : [])))
    : undefined;

  const columns: Array<{
    id: string;
    label: string;
    kind: 'node' | 'variant';
    nodes: string[];
    versions: string[];
    unknown?: { reason: string; message: string };
  }> = [];
  const inputs: DiffColumnInput[] = [];
  if (input.by === 'node') {
    for (const r of input.results) {
      columns.push({
        id: r.node,
        label: r.node,
        kind: 'node',
        nodes: [r.node],
        versions: r.version ? [r.version] : [],
        ...(r.ok ? {} : { unknown: { reason: r.reason, message: r.message } }),
      });
      inputs.push({
        id: r.node,
        ...(r.version ? { version: r.version } : {}),
        config: r.ok ? (nodeConfig(r) ?? null) : null,
        ...(r.ok && rawConfigs ? { ignored: ignoredCells(r.config, input.ignore) } : {}),
      });
    }
  } else {
    variants.forEach((v, i) => {
      columns.push({ id: v.id, label: variantLabel(v, i), kind: 'variant', nodes: v.nodes, versions: v.versions });
      inputs.push({
        id: v.id,
        version: v.version,
        config: v.config,
        ...(rawConfigs ? { ignored: variantIgnoredCells(v, rawConfigs, input.ignore) } : {}),
      });
    });
  }
  const rows: DiffRow[] = diffColumns(inputs, {
    includeIgnored: input.showIgnored,
    defaultsOf: defaultsCache(input.ignore),
  });

  // only drift tells variants apart; keys that differ because of kubelet versions are listed on their own
  const split = differingKeys(variants, input.ignore);
  const keys = split.drift;
  const versionOnly = new Set(split.version);
  const readable = variants.reduce((n, v) => n + v.nodes.length, 0);
  // the fleet's usual value per key: the canon held by the most nodes
  const majority = new Map<string, string>();
  for (const k of keys) {
    const weight = new Map<string, number>();
    for (const v of variants) {
      const canon = v.config.cells.get(k)?.canon ?? '';
      weight.set(canon, (weight.get(canon) ?? 0) + v.nodes.length);
    }
    majority.set(k, [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '');
  }
  const variantsOut = variants.map((v, i) => {
    // what sets this variant apart: drift keys where it does not hold the fleet's usual value
    const own = keys.filter((k) => (v.config.cells.get(k)?.canon ?? '') !== majority.get(k));
    return {
      id: v.id,
      label: variantLabel(v, i),
      nodes: v.nodes,
      versions: v.versions,
      // a lone node is an outlier only against a fleet (with two nodes, both would be), and only for drift
      outlier: v.nodes.length === 1 && variants.length > 1 && readable >= 3 && own.length > 0,
      keys: own.map((k) => {
        const c = v.config.cells.get(k);
        return {
          path: v.config.paths.get(k) ?? keyToPath(k),
          display: c?.display ?? null,
          defaulted: c?.defaulted ?? false,
        };
      }),
      // within the variant: members of different kubelet versions, identical configuration
      versionOnlyKeys: v.versionOnlyKeys.map((k) => v.config.paths.get(k) ?? keyToPath(k)),
      // against the other variants: nothing drifts, they differ only in fields their kubelet versions decide
      differsOnlyByVersion: variants.length > 1 && keys.length === 0 && versionOnly.size > 0,
    };
  });

  return {
    by: input.by,
    columns,
    rows,
    variants: variantsOut,
    unknown: unknown.map(({ node, version, reason, message }) => ({ node, version, reason, message })),
    baseline: baselineSection(input, variants, configOfNode),
    distinctBodies: grouping.distinctBodies,
  };
}

import { parse as parseYaml } from 'yaml';
import { normalizeConfig, type Cell, type CellMap } from './config-canonical';
import { parseMinor } from './config-defaults';
import { isPlainObject, pathFromKey } from './config-flatten';
import type { Variant } from './config-variants';
import { explainConfigMapDrift, flagForPath, type DriftCause } from './drift-causes';

/**
 * Baselines every node is compared against:
 * - `configmap`: kubeadm's kube-system/kubelet-config (or legacy kubelet-config-1.X) ConfigMap, key `kubelet`.
 *   It holds a partial KubeletConfiguration, so it is defaulted for each node's kubelet version before
 *   comparing, exactly as that kubelet would default the config.yaml kubeadm wrote from it.
 * - `node`: a node the user picks (its effective config, as configz reported it).
 * - `defaults`: the upstream defaults for each node's kubelet version (an empty config, defaulted).
 */
export type BaselineKind = 'configmap' | 'node' | 'defaults';

/** @internal exported for its unit tests */
export class KubeletConfigYamlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeletConfigYamlError';
  }
}

/**
 * Parses the `kubelet` key of kubeadm's ConfigMap (a KubeletConfiguration YAML document) with the `yaml`
 * library (YAML 1.2 core schema: `0s` and `10%` stay strings, `0` is a number). Throws
 * KubeletConfigYamlError when it is not a mapping or is another kind.
 */
export function parseKubeletConfigYaml(text: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new KubeletConfigYamlError(
      `not valid YAML: ${err instanceof Error ? err.message.split('\n')[0] : 'parse error'}`,
    );
  }
  if (!isPlainObject(doc)) throw new KubeletConfigYamlError('expected a KubeletConfiguration mapping');
  if (doc.kind !== undefined && doc.kind !== 'KubeletConfiguration') {
    throw new KubeletConfigYamlError(`expected kind KubeletConfiguration, got ${String(doc.kind)}`);
  }
  return doc;
}

interface BaselineDifference {
  path: string[];
  /** the baseline's value; null when the baseline lacks the key */
  expected: Cell | null;
  /** the node's value; null when the node lacks the key */
  actual: Cell | null;
  /** kubelet flag that sets this field, when there is one */
  flag?: string;
  /** ConfigMap baseline only: likely causes, most likely first */
  causes: DriftCause[];
}

export interface BaselineResult {
  variantId: string;
  nodes: string[];
  versions: string[];
  differences: BaselineDifference[];
}

/** Differences between one effective config and a baseline, skipping keys in neither. */
function diffAgainst(
  actual: CellMap,
  expected: CellMap,
): Array<{ key: string; actual: Cell | null; expected: Cell | null }> {
  const out: Array<{ key: string; actual: Cell | null; expected: Cell | null }> = [];
  for (const [key, e] of expected.cells) {
    const a = actual.cells.get(key);
    if (a?.canon !== e.canon) out.push({ key, actual: a ?? null, expected: e });
  }
  for (const [key, a] of actual.cells) if (!expected.cells.has(key)) out.push({ key, actual: a, expected: null });
  return out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/**
 * Compares every variant with its baseline. `baselineFor` receives the variant's kubelet version so that
 * ConfigMap and defaults baselines are defaulted for that version; a node baseline ignores it.
 */
export function compareVariants(
  variants: readonly Variant[],
  kind: BaselineKind,
  baselineFor: (version: string) => CellMap,
): BaselineResult[] {
  return variants.map((v) => {
    // the variant's config is that of its newest kubelet version (config-variants.ts)
    const version = v.version || (v.versions[0] ?? '');
    const expected = baselineFor(version);
    const evictionHardSet = [...v.config.paths.values()].some((p) => p[0] === 'evictionHard');
    const merge = v.config.cells.get('mergeDefaultEvictionSettings')?.display;
    const differences = diffAgainst(v.config, expected).map(({ key, actual, expected: e }) => {
      const path = v.config.paths.get(key) ?? expected.paths.get(key) ?? pathFromKey(key);
      const flag = flagForPath(path);
      const causes =
        kind === 'configmap'
          ? explainConfigMapDrift(path, {
              nodeVersion: version,
              nodeHasField: actual !== null,
              nodeValueIsDefault: actual !== null && actual.defaulted && !(e?.defaulted ?? false),
              nodeValue: actual?.display,
              nodeEvictionHardSet: evictionHardSet,
              ...(merge !== undefined ? { mergeDefaultEvictionSettings: merge === 'true' } : {}),
            }).causes
          : [];
      return { path, expected: e, actual, ...(flag ? { flag } : {}), causes };
    });
    return { variantId: v.id, nodes: v.nodes, versions: v.versions, differences };
  });
}

/**
 * Baseline factory for a parsed ConfigMap or for plain defaults: normalises once per kubelet minor version.
 */
export function versionedBaseline(
  source: Record<string, unknown>,
  ignore: readonly string[],
): (version: string) => CellMap {
  const cache = new Map<string, CellMap>();
  return (version) => {
    const key = String(parseMinor(version) ?? version);
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = normalizeConfig(source, version, ignore)));
    return hit;
  };
}

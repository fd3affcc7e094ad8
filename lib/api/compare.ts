import { z } from 'zod';
import { DEFAULT_IGNORE } from '@/lib/domain/config-ignore';
import { NodeNameSchema } from './names';

/**
 * Wire contract of GET /api/compare (route handler ↔ browser) and of the /compare page URL, which carries
 * the same parameters so every view is deep-linkable. Browser-safe: zod and pure domain constants only.
 *
 * Selection: `nodes=a,b` (two or more names), or `selector=<label selector>`, or neither (all nodes).
 * `ignore` is the comma-separated ignore list; absent means the default list, empty means none.
 */
const BaselineKindSchema = z.enum(['configmap', 'node', 'defaults', 'none']);
export type BaselineKindParam = z.infer<typeof BaselineKindSchema>;
const ColumnModeSchema = z.enum(['node', 'variant']);
export type ColumnMode = z.infer<typeof ColumnModeSchema>;
const ExportFormatSchema = z.enum(['json', 'csv', 'md']);

const csv = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Label selector text as kubectl accepts it (key=value, key!=value, key in (a,b), !key…), bounded. */
const SelectorSchema = z
  .string()
  .max(1024)
  .regex(/^[\w./\-=!,() ]*$/, 'not a valid label selector');

/** An ignore pattern: a dotted config path (map keys may contain dots, `/` and `-`). */
const IgnorePatternSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[\w./\-]+$/, 'not a config path');

/**
 * Across clusters (`clusters=a,b`) a node is named `<context>/<node>`: split at the last `/`, since a node name
 * (a DNS subdomain) has none while a context name may (EKS ARNs). lib/api/compare-clusters.ts reads them.
 */
const NodeRefSchema = z
  .string()
  .max(600)
  .refine((ref) => NodeNameSchema.safeParse(ref.slice(ref.lastIndexOf('/') + 1)).success, 'not a node name');
/** A kubeconfig context name: bounded, printable; the kubeconfig decides whether it exists. */
const ContextNameSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[^\s,\u0000-\u001f]+$/, 'not a context name');

export const CompareQuerySchema = z
  .object({
    nodes: z
      .string()
      .max(64 * 1024)
      .transform(csv)
      .pipe(z.array(NodeRefSchema).max(5000))
      .optional(),
    /** compare across these contexts (each node then named `<context>/<node>`); absent = the current context */
    clusters: z.string().max(8192).transform(csv).pipe(z.array(ContextNameSchema).min(1).max(50)).optional(),
    /** across clusters: whose kubelet-config ConfigMap is the baseline (default: the first context) */
    baselineContext: ContextNameSchema.optional(),
    selector: SelectorSchema.optional(),
    ignore: z.string().max(8192).transform(csv).pipe(z.array(IgnorePatternSchema).max(100)).optional(),
    baseline: BaselineKindSchema.default('configmap'),
    baselineNode: NodeRefSchema.optional(),
    by: ColumnModeSchema.optional(),
    showIgnored: z.enum(['0', '1']).optional(),
    /** every key, not only differing ones (the page toggle; exports follow it) */
    all: z.enum(['0', '1']).optional(),
    format: ExportFormatSchema.default('json'),
  })
  .refine((q) => q.baseline !== 'node' || q.baselineNode !== undefined, {
    message: 'baseline=node needs baselineNode',
    path: ['baselineNode'],
  })
  .refine(
    (q) => q.clusters !== undefined || [...(q.nodes ?? []), q.baselineNode ?? ''].every((n) => !n.includes('/')),
    {
      message: 'a node named <context>/<node> needs clusters=…',
      path: ['nodes'],
    },
  );
export type CompareQuery = z.infer<typeof CompareQuerySchema>;

/** Search params → query object (first value of each key; empty `ignore=` is kept, it means "ignore nothing"). */
export function queryFromSearchParams(sp: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [
    'nodes',
    'selector',
    'clusters',
    'baselineContext',
    'ignore',
    'baseline',
    'baselineNode',
    'by',
    'showIgnored',
    'all',
    'format',
  ]) {
    const v = sp.get(key);
    if (v !== null && (v !== '' || key === 'ignore')) out[key] = v;
  }
  return out;
}

/** Effective ignore list of a parsed query. */
export const ignoreOf = (q: Pick<CompareQuery, 'ignore'>): string[] => q.ignore ?? [...DEFAULT_IGNORE];

const CellSchema = z.object({
  display: z.string(),
  canonical: z.string(),
  defaulted: z.boolean(),
  /** equivalence class within the row; 0 = most common value */
  cls: z.number().int(),
});

const DiffRowSchema = z.object({
  path: z.array(z.string()),
  values: z.array(CellSchema.nullable()),
  differs: z.boolean(),
  /** for a differing row: drift (configured differently) or version (differs only by kubelet version) */
  kind: z.enum(['drift', 'version']).optional(),
  ignored: z.boolean(),
});
export type DiffRowWire = z.infer<typeof DiffRowSchema>;

const DiffColumnSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: ColumnModeSchema,
  nodes: z.array(z.string()),
  versions: z.array(z.string()),
  /** set when the column is a node whose configz could not be read */
  unknown: z.object({ reason: z.string(), message: z.string() }).optional(),
});
export type DiffColumn = z.infer<typeof DiffColumnSchema>;

const VariantSchema = z.object({
  id: z.string(),
  /** "A (6 nodes)", "B: k8s-worker-3": the same label the variant columns carry */
  label: z.string(),
  nodes: z.array(z.string()),
  versions: z.array(z.string()),
  outlier: z.boolean(),
  /** this variant's values for the keys where it differs from the fleet's usual (most nodes') value */
  keys: z.array(z.object({ path: z.array(z.string()), display: z.string().nullable(), defaulted: z.boolean() })),
  /** keys on which the variant's members of different kubelet versions differ only because of their versions */
  versionOnlyKeys: z.array(z.array(z.string())),
  /** nothing drifts between the variants: they differ only in fields their kubelet versions decide */
  differsOnlyByVersion: z.boolean(),
});
export type VariantWire = z.infer<typeof VariantSchema>;

const UnknownNodeSchema = z.object({
  node: z.string(),
  version: z.string(),
  reason: z.string(),
  message: z.string(),
});
export type UnknownNode = z.infer<typeof UnknownNodeSchema>;

const ValueSchema = z.object({ display: z.string(), defaulted: z.boolean() });

const BaselineDiffSchema = z.object({
  path: z.array(z.string()),
  expected: ValueSchema.nullable(),
  actual: ValueSchema.nullable(),
  flag: z.string().optional(),
  causes: z.array(z.object({ kind: z.string(), text: z.string() })),
});

const BaselineSchema = z.object({
  kind: BaselineKindSchema.exclude(['none']),
  /** "kube-system/kubelet-config", "node k8s-worker-1", "upstream defaults" */
  label: z.string(),
  /** the baseline could not be loaded (no ConfigMap, bad YAML, picked node unreadable) */
  unavailable: z.object({ reason: z.string(), message: z.string() }).optional(),
  legacyName: z.boolean().optional(),
  results: z.array(
    z.object({
      variantId: z.string(),
      nodes: z.array(z.string()),
      versions: z.array(z.string()),
      differences: z.array(BaselineDiffSchema),
    }),
  ),
});
export type BaselineWire = z.infer<typeof BaselineSchema>;

export const CompareResponseSchema = z.object({
  context: z.string(),
  /** across clusters: the contexts compared (every node reference then starts with `<context>/`) */
  clusters: z.array(z.string()).optional(),
  /** across clusters: contexts whose nodes could not be listed (unreachable, credentials rejected…) */
  clusterErrors: z.array(z.object({ context: z.string(), reason: z.string(), message: z.string() })).optional(),
  fetchedAt: z.string(),
  selection: z.object({
    mode: z.enum(['nodes', 'selector', 'all']),
    selector: z.string().optional(),
    /** every selected node, readable or not */
    nodes: z.array(z.string()),
    /** requested names that do not exist */
    missing: z.array(z.string()),
  }),
  ignore: z.array(z.string()),
  defaultIgnore: z.array(z.string()),
  by: ColumnModeSchema,
  columns: z.array(DiffColumnSchema),
  rows: z.array(DiffRowSchema),
  variants: z.array(VariantSchema),
  unknown: z.array(UnknownNodeSchema),
  baseline: BaselineSchema.nullable(),
  stats: z.object({
    nodes: z.number().int(),
    distinctBodies: z.number().int(),
    collectMs: z.number(),
    /** server CPU for grouping + diff, once configs are in hand */
    computeMs: z.number(),
  }),
});
export type CompareResponse = z.infer<typeof CompareResponseSchema>;

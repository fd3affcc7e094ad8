import type { BaselineKindParam, ColumnMode } from '@/lib/api/compare';

/**
 * The /compare view state, read from and written to the URL (so every view is a link). The page URL and
 * GET /api/compare share parameter names: the API query string is the page's, minus nothing.
 */
export interface CompareParams {
  /** explicit node names (two or more); undefined = selector or all */
  nodes?: string[];
  selector?: string;
  /** compare across these contexts (nodes then named `<context>/<node>`); undefined = the current context */
  clusters?: string[];
  /** across clusters: whose kubelet-config ConfigMap is the baseline (default: the first context) */
  baselineContext?: string;
  /** undefined = the default ignore list; [] = ignore nothing */
  ignore?: string[];
  baseline: BaselineKindParam;
  baselineNode?: string;
  by?: ColumnMode;
  showIgnored: boolean;
  all: boolean;
}

const list = (v: string | null) =>
  v === null
    ? undefined
    : v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

const BASELINES = new Set(['configmap', 'node', 'defaults', 'none']);

export function parseCompareParams(sp: URLSearchParams): CompareParams {
  const baseline = sp.get('baseline') ?? 'configmap';
  const by = sp.get('by');
  const nodes = list(sp.get('nodes'));
  const clusters = list(sp.get('clusters'));
  return {
    ...(clusters && clusters.length > 0 ? { clusters } : {}),
    ...(clusters && sp.get('baselineContext') ? { baselineContext: sp.get('baselineContext') as string } : {}),
    ...(nodes && nodes.length > 0 ? { nodes } : {}),
    ...(sp.get('selector') ? { selector: sp.get('selector') as string } : {}),
    ...(sp.has('ignore') ? { ignore: list(sp.get('ignore')) ?? [] } : {}),
    baseline: (BASELINES.has(baseline) ? baseline : 'configmap') as BaselineKindParam,
    ...(sp.get('baselineNode') ? { baselineNode: sp.get('baselineNode') as string } : {}),
    ...(by === 'node' || by === 'variant' ? { by } : {}),
    showIgnored: sp.get('showIgnored') === '1',
    all: sp.get('all') === '1',
  };
}

/** Query string (no "?") for both the page URL and the API; defaults are left out to keep links short. */
export function serializeCompareParams(p: CompareParams): string {
  const sp = new URLSearchParams();
  if (p.clusters && p.clusters.length > 0) {
    sp.set('clusters', p.clusters.join(','));
    if (p.baselineContext) sp.set('baselineContext', p.baselineContext);
  }
  if (p.nodes && p.nodes.length > 0) sp.set('nodes', p.nodes.join(','));
  else if (p.selector) sp.set('selector', p.selector);
  if (p.ignore !== undefined) sp.set('ignore', p.ignore.join(','));
  if (p.baseline !== 'configmap') sp.set('baseline', p.baseline);
  if (p.baseline === 'node' && p.baselineNode) sp.set('baselineNode', p.baselineNode);
  if (p.by) sp.set('by', p.by);
  if (p.showIgnored) sp.set('showIgnored', '1');
  if (p.all) sp.set('all', '1');
  return sp.toString();
}

/** Link to a download of the current diff in `format`. */
export const exportHref = (p: CompareParams, format: 'json' | 'csv' | 'md') => {
  const qs = serializeCompareParams(p);
  return `/api/compare?${qs ? `${qs}&` : ''}format=${format}`;
};

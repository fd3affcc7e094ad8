import 'server-only';
import { performance } from 'node:perf_hooks';
import { ignoreOf, type CompareQuery, type CompareResponse } from '@/lib/api/compare';
import { buildCompareReport, type BaselineRequest } from '@/lib/domain/compare-report';
import { DEFAULT_IGNORE, type NodeConfigResult } from '@/lib/domain/config-variants';
import { AppError, toStatus } from '@/lib/errors';
import type { Kube } from '@/lib/k8s/client';
import { listNodes } from '@/lib/k8s/nodes';
import { collectConfigz, configMapBaseline, NODE_COLUMNS_MAX } from './compare';

/**
 * `<context>/<node>`: the node name has no `/` (a DNS subdomain), so the last one separates them. A bare name is
 * a node of `first` (the first context of clusters=…, the page's current one: its node picker offers bare names).
 * @internal exported for tests
 */
export function splitNodeRef(ref: string, first: string): { context: string; node: string } {
  const at = ref.lastIndexOf('/');
  if (at < 0) return { context: first, node: ref };
  if (at === 0) throw new AppError('Invalid', 422, `"${ref}": a node across clusters is named <context>/<node>.`);
  return { context: ref.slice(0, at), node: ref.slice(at + 1) };
}
const nodeRef = (context: string, node: string) => `${context}/${node}`;

interface ClusterPart {
  results: NodeConfigResult[];
  names: string[];
  missing: string[];
  error?: { context: string; reason: string; message: string };
}

/**
 * One context's share: its selected nodes (the requested ones of this context, else the label selector or
 * every node) and their configz through that context's own fleet layer (pool, cache, credentials), each node
 * renamed `<context>/<node>`. A context whose nodes cannot be listed is reported, never failing the others.
 */
async function clusterPart(
  kube: Kube,
  q: CompareQuery,
  requested: string[] | undefined,
  signal?: AbortSignal,
): Promise<ClusterPart> {
  const ctx = kube.context;
  try {
    const nodes = await listNodes(kube, { labelSelector: requested ? undefined : q.selector, signal });
    const versionOf = new Map(nodes.map((n) => [n.name, n.nodeInfo.kubeletVersion]));
    const names = requested ? requested.filter((n) => versionOf.has(n)) : nodes.map((n) => n.name).sort();
    const results = await collectConfigz(kube, names, versionOf);
    return {
      results: results.map((r) => ({ ...r, node: nodeRef(ctx, r.node) })),
      names: names.map((n) => nodeRef(ctx, n)),
      missing: (requested ?? []).filter((n) => !versionOf.has(n)).map((n) => nodeRef(ctx, n)),
    };
  } catch (err) {
    const s = toStatus(err);
    return { results: [], names: [], missing: [], error: { context: ctx, reason: s.reason, message: s.message } };
  }
}

/**
 * /compare across clusters (`clusters=a,b`): the nodes of several contexts grouped into variants and diffed as
 * one fleet, every node reference naming its context. Baselines: a context's kubelet-config ConfigMap
 * (`baselineContext`, default the first), a node of any context, or upstream defaults.
 */
export async function getClusterCompare(
  kubes: readonly Kube[],
  q: CompareQuery,
  signal?: AbortSignal,
): Promise<CompareResponse> {
  const t0 = performance.now();
  const contexts = kubes.map((k) => k.context);
  const first = contexts[0] ?? '';
  const requestedRefs = q.nodes ? [...new Set(q.nodes)].map((r) => splitNodeRef(r, first)) : undefined;
  for (const r of requestedRefs ?? []) {
    if (!contexts.includes(r.context))
      throw new AppError('Invalid', 422, `Context "${r.context}" is not among clusters=….`);
  }
  const requestedOf = (ctx: string) => requestedRefs?.filter((r) => r.context === ctx).map((r) => r.node);

  const baselineCtx = q.baselineContext ?? contexts[0];
  const baselineKube = kubes.find((k) => k.context === baselineCtx);
  if (q.baseline === 'configmap' && !baselineKube) {
    throw new AppError('Invalid', 422, `baselineContext "${baselineCtx}" is not among clusters=….`);
  }
  const baselineRef = q.baseline === 'node' && q.baselineNode ? splitNodeRef(q.baselineNode, first) : undefined;
  const baselineNode = baselineRef && nodeRef(baselineRef.context, baselineRef.node);

  const [parts, cmBaseline] = await Promise.all([
    Promise.all(kubes.map((k) => clusterPart(k, q, requestedOf(k.context), signal))),
    q.baseline === 'configmap' && baselineKube ? configMapBaseline(baselineKube, signal) : Promise.resolve(null),
  ]);
  const results = parts.flatMap((p) => p.results);
  const names = parts.flatMap((p) => p.names);

  let outside: NodeConfigResult | undefined;
  if (baselineRef && baselineNode && !names.includes(baselineNode)) {
    const kube = kubes.find((k) => k.context === baselineRef.context);
    if (!kube) throw new AppError('Invalid', 422, `Context "${baselineRef.context}" is not among clusters=….`);
    const [read] = await collectConfigz(kube, [baselineRef.node], new Map());
    if (read) outside = { ...read, node: nodeRef(kube.context, read.node) };
  }
  const collectMs = performance.now() - t0;

  const baseline: BaselineRequest | null =
    cmBaseline?.kind === 'configmap'
      ? { ...cmBaseline, label: `${baselineCtx}: ${cmBaseline.label}` }
      : baselineNode
        ? { kind: 'node', node: baselineNode, ...(outside ? { outside } : {}) }
        : q.baseline === 'defaults'
          ? { kind: 'defaults' }
          : null;

  const ignore = ignoreOf(q);
  const by = q.by ?? (names.length <= NODE_COLUMNS_MAX ? 'node' : 'variant');
  const t1 = performance.now();
  const { distinctBodies, ...report } = buildCompareReport({
    results,
    ignore,
    by,
    showIgnored: q.showIgnored === '1',
    baseline,
  });
  const computeMs = performance.now() - t1;
  const clusterErrors = parts.flatMap((p) => (p.error ? [p.error] : []));
  return {
    context: contexts.join(', '),
    clusters: contexts,
    ...(clusterErrors.length > 0 ? { clusterErrors } : {}),
    fetchedAt: new Date().toISOString(),
    selection: {
      mode: requestedRefs ? 'nodes' : q.selector ? 'selector' : 'all',
      ...(q.selector && !requestedRefs ? { selector: q.selector } : {}),
      nodes: names,
      missing: parts.flatMap((p) => p.missing),
    },
    ignore,
    defaultIgnore: [...DEFAULT_IGNORE],
    ...report,
    stats: {
      nodes: names.length,
      distinctBodies,
      collectMs: Math.round(collectMs),
      computeMs: Math.round(computeMs * 10) / 10,
    },
  };
}

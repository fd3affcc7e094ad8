import 'server-only';
import { performance } from 'node:perf_hooks';
import { ignoreOf, type CompareQuery, type CompareResponse } from '@/lib/api/compare';
import { buildCompareReport, type BaselineRequest } from '@/lib/domain/compare-report';
import { DEFAULT_IGNORE } from '@/lib/domain/config-variants';
import { toStatus } from '@/lib/errors';
import type { Kube } from '@/lib/k8s/client';
import { collectConfigz } from '@/lib/k8s/configz-fleet';
import { findKubeletConfigMap } from '@/lib/k8s/kubelet-configmap';
import { listNodes } from '@/lib/k8s/nodes';

/** Up to this many nodes the diff shows one column per node unless the URL says otherwise. */
export const NODE_COLUMNS_MAX = 10;

async function configMapBaseline(kube: Kube, signal?: AbortSignal): Promise<BaselineRequest> {
  try {
    const cm = await findKubeletConfigMap(kube, signal);
    return { kind: 'configmap', label: `${cm.namespace}/${cm.name}`, yaml: cm.yaml, legacyName: cm.legacy };
  } catch (err) {
    const s = toStatus(err);
    const message =
      s.code === 404
        ? 'No kubeadm kubelet ConfigMap (kube-system/kubelet-config or kubelet-config-1.X) in this cluster.'
        : s.message;
    return { kind: 'configmap', label: 'kube-system/kubelet-config', unavailable: { reason: s.reason, message } };
  }
}

/**
 * Everything /compare shows: resolves the selection against the Node list (names, label selector or all),
 * reads configz for every selected node (bounded pool; failures kept with their reason) and the baseline,
 * then groups and diffs. `computeMs` is the CPU time of grouping and diffing alone.
 */
export async function getCompare(kube: Kube, q: CompareQuery, signal?: AbortSignal): Promise<CompareResponse> {
  const t0 = performance.now();
  const nodes = await listNodes(kube, { labelSelector: q.nodes ? undefined : q.selector, signal });
  const versionOf = new Map(nodes.map((n) => [n.name, n.nodeInfo.kubeletVersion]));
  const requested = q.nodes ? [...new Set(q.nodes)] : undefined;
  const names = requested ? requested.filter((n) => versionOf.has(n)) : nodes.map((n) => n.name).sort();
  const missing = requested ? requested.filter((n) => !versionOf.has(n)) : [];
  const by = q.by ?? (names.length <= NODE_COLUMNS_MAX ? 'node' : 'variant');

  const outsideBaselineNode =
    q.baseline === 'node' && q.baselineNode && !names.includes(q.baselineNode) ? q.baselineNode : undefined;
  const [results, baselineExtra, cmBaseline] = await Promise.all([
    collectConfigz(kube, names, { versions: versionOf, signal }),
    outsideBaselineNode
      ? collectConfigz(kube, [outsideBaselineNode], { versions: versionOf, signal })
      : Promise.resolve([]),
    q.baseline === 'configmap' ? configMapBaseline(kube, signal) : Promise.resolve(null),
  ]);
  const collectMs = performance.now() - t0;

  const baseline: BaselineRequest =
    q.baseline === 'configmap'
      ? cmBaseline
      : q.baseline === 'node' && q.baselineNode
        ? { kind: 'node', node: q.baselineNode, ...(baselineExtra[0] ? { outside: baselineExtra[0] } : {}) }
        : q.baseline === 'defaults'
          ? { kind: 'defaults' }
          : null;

  const ignore = ignoreOf(q);
  const t1 = performance.now();
  const { distinctBodies, ...report } = buildCompareReport({
    results,
    ignore,
    by,
    showIgnored: q.showIgnored === '1',
    baseline,
  });
  const computeMs = performance.now() - t1;

  return {
    context: kube.context,
    fetchedAt: new Date().toISOString(),
    selection: {
      mode: requested ? 'nodes' : q.selector ? 'selector' : 'all',
      ...(q.selector && !requested ? { selector: q.selector } : {}),
      nodes: names,
      missing,
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

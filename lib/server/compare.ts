import 'server-only';
import { performance } from 'node:perf_hooks';
import { ignoreOf, type CompareQuery, type CompareResponse } from '@/lib/api/compare';
import { buildCompareReport, type BaselineRequest } from '@/lib/domain/compare-report';
import { DEFAULT_IGNORE, type NodeConfigResult } from '@/lib/domain/config-variants';
import { toStatus } from '@/lib/errors';
import { getFleet, watchedFacts } from '@/lib/fleet/fleet';
import type { Kube } from '@/lib/k8s/client';
import { findKubeletConfigMap } from '@/lib/k8s/kubelet-configmap';
import { listNodes } from '@/lib/k8s/nodes';

/** Up to this many nodes the diff shows one column per node unless the URL says otherwise. */
export const NODE_COLUMNS_MAX = 10;

export async function configMapBaseline(kube: Kube, signal?: AbortSignal): Promise<BaselineRequest> {
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
 * configz of every named node through the fleet layer (lib/fleet): one shared pool and cache per identity, so a
 * body already read for a sweep is reused unless the node's kubelet version, bootID or readiness changed (or it
 * expired, see configzStale), and reads in flight are shared with sweeps and node pages. Every node gets a
 * result: an unreachable, forbidden or malformed kubelet keeps its reason and never drops the node. Results keep
 * the input order and are each the caller's own copy.
 */
export async function collectConfigz(
  kube: Kube,
  nodes: readonly string[],
  versions: ReadonlyMap<string, string>,
): Promise<NodeConfigResult[]> {
  const fleet = getFleet(kube);
  return Promise.all(
    nodes.map(async (node): Promise<NodeConfigResult> => {
      const watched = watchedFacts(fleet, node);
      const version = versions.get(node) ?? watched?.kubeletVersion ?? '';
      const read = await fleet.configz.read(node, { ...watched, kubeletVersion: version });
      return read.ok
        ? { node, version, ok: true, config: read.value }
        : { node, version, ok: false, reason: read.reason, message: read.message };
    }),
  );
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
    collectConfigz(kube, names, versionOf),
    outsideBaselineNode ? collectConfigz(kube, [outsideBaselineNode], versionOf) : Promise.resolve([]),
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

import 'server-only';
import { parse as parseYaml } from 'yaml';
import type { PendingCountResponse } from '@/lib/api/csr-session';
import type { CsrDetailResponse, CsrListResponse } from '@/lib/api/csrs';
import { pendingFlood } from '@/lib/domain/csr-approvers';
import {
  DEFAULT_CLUSTER_DOMAIN,
  DEFAULT_MAX_EXPIRATION_SECONDS,
  indexNodes,
  type ClusterFacts,
  type NodeIndex,
} from '@/lib/domain/csr-check-core';
import { getFleet } from '@/lib/fleet/fleet';
import { csrPermissions } from '@/lib/k8s/access-review';
import type { Kube } from '@/lib/k8s/client';
import { getConfigMap } from '@/lib/k8s/configmaps';
import { getCsrWire, listCsrWire, type ReviewCsrWire } from '@/lib/k8s/csrs';
import { countNodesInCluster, listNodeAddresses } from '@/lib/k8s/nodes';
import { kubernetesServiceIP } from '@/lib/k8s/services';
import { reviewWireCsr, toCsrDetail, toCsrRow } from './csr-reshape';

/** The API server's own host from the kubeconfig server URL (brackets of an IPv6 literal removed). */
function serverHost(server: string): string | null {
  try {
    return new URL(server).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
}

/**
 * The cluster domain from kubeadm's kube-system/kubelet-config ConfigMap (KubeletConfiguration `clusterDomain`),
 * best-effort: other installers don't have it, and a viewer may not read it; the checks then use cluster.local.
 */
async function kubeadmClusterDomain(kube: Kube): Promise<string | null> {
  try {
    const cm = await getConfigMap(kube, 'kube-system', 'kubelet-config');
    const parsed: unknown = parseYaml(cm.data.kubelet ?? '');
    const domain = parsed && typeof parsed === 'object' && 'clusterDomain' in parsed ? parsed.clusterDomain : null;
    return typeof domain === 'string' && domain ? domain.replace(/\.$/, '') : null;
  } catch {
    return null;
  }
}

type NodeAddresses = ClusterFacts['nodes'];

/**
 * Every node's name, addresses and creation time. A review (the list, a CSR's page, the live events, the clusters
 * overview) reads them from the identity's node watch (lib/fleet/node-informer.ts), as upstream's CSR approvers
 * read a node lister: listing 5,000 nodes for every GET /api/csrs was most of its time once decoding was
 * remembered (BENCHMARKS.md, CSR section). A decision (`fresh`) lists the nodes from the API server at that moment:
 * what an approval is checked against is never older than the click. The watch is used only while it is in sync;
 * when it cannot start (an identity that may list nodes but not watch them) or is failing, the nodes are listed.
 */
async function nodeAddresses(kube: Kube, fresh: boolean): Promise<NodeAddresses> {
  if (!fresh) {
    const informer = getFleet(kube).nodes;
    const synced = await informer.ready().then(
      () => !informer.sync.stale,
      () => false,
    );
    if (synced)
      return informer.list().map(({ node }) => ({
        name: node.name,
        addresses: node.addresses,
        ...(node.createdAt ? { createdAt: node.createdAt } : {}),
      }));
  }
  return listNodeAddresses(kube);
}

/**
 * What the checks need to know about the cluster: every node's addresses (see nodeAddresses: from the node watch,
 * or listed now when `fresh`), and the API server's own addresses (the kubeconfig server host and the
 * `default/kubernetes` Service ClusterIP, read best-effort: a viewer may not be allowed to read Services, and the
 * check still has the server host).
 */
export async function clusterFacts(
  kube: Kube,
  opts: { fresh?: boolean } = {},
): Promise<{ facts: ClusterFacts; index: NodeIndex }> {
  const [nodes, clusterIp, clusterDomain] = await Promise.all([
    nodeAddresses(kube, opts.fresh ?? false),
    kubernetesServiceIP(kube).catch(() => null),
    kubeadmClusterDomain(kube),
  ]);
  const host = serverHost(kube.server);
  const apiServerHosts = [host, clusterIp].filter((h): h is string => Boolean(h));
  const facts: ClusterFacts = {
    nodes,
    clusterDomain: clusterDomain ?? DEFAULT_CLUSTER_DOMAIN,
    apiServerHosts,
    maxExpirationSeconds: DEFAULT_MAX_EXPIRATION_SECONDS,
  };
  return { facts, index: indexNodes(facts.nodes) };
}

/** GET /api/csrs/review: every CSR with its verdict, the pending count and flood warning, and permissions. */
export async function listReviewedCsrs(kube: Kube, now: Date): Promise<CsrListResponse & { resourceVersion: string }> {
  const [{ items, resourceVersion }, { facts, index }] = await Promise.all([listCsrWire(kube), clusterFacts(kube)]);
  const rows = (await Promise.all(items.map((w) => reviewWireCsr(w, facts, index)))).map((r) => toCsrRow(r, now));
  rows.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.name.localeCompare(b.name));
  const pendingCount = rows.filter((r) => r.state === 'Pending').length;
  return {
    items: rows,
    context: kube.context,
    fetchedAt: now.toISOString(),
    nodeCount: facts.nodes.length,
    pendingCount,
    flood: pendingFlood(pendingCount, facts.nodes.length),
    permissions: await csrPermissions(
      kube,
      rows.map((r) => r.signerName),
    ),
    resourceVersion,
  };
}

export async function getReviewedCsr(kube: Kube, name: string): Promise<CsrDetailResponse> {
  const [wire, { facts, index }] = await Promise.all([getCsrWire(kube, name), clusterFacts(kube)]);
  const reviewed = await reviewWireCsr(wire, facts, index);
  return {
    csr: toCsrDetail(reviewed),
    context: kube.context,
    permissions: await csrPermissions(kube, [wire.spec.signerName]),
  };
}

/** The nav badge: pending CSRs and whether that's a flood, without decoding anything. */
export async function pendingCsrCount(kube: Kube): Promise<PendingCountResponse> {
  const [{ items }, nodes] = await Promise.all([listCsrWire(kube), countNodesInCluster(kube)]);
  const decided = (c: ReviewCsrWire) =>
    (c.status?.conditions ?? []).some((x) => ['Approved', 'Denied', 'Failed'].includes(x.type) && x.status !== 'False');
  const pending = items.filter((c) => !decided(c)).length;
  return { context: kube.context, pending, nodeCount: nodes, flood: pendingFlood(pending, nodes).flood };
}

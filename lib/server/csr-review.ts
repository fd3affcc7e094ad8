import 'server-only';
import { z } from 'zod';
import type { CsrDetailResponse, CsrListResponse } from '@/lib/api/csrs';
import { pendingFlood } from '@/lib/domain/csr-approvers';
import {
  DEFAULT_CLUSTER_DOMAIN,
  DEFAULT_MAX_EXPIRATION_SECONDS,
  indexNodes,
  type ClusterFacts,
  type NodeIndex,
} from '@/lib/domain/csr-check-core';
import { env } from '@/lib/env';
import { parse as parseYaml } from 'yaml';
import { AppError, NotFoundError } from '@/lib/errors';
import { getConfigMap } from '@/lib/k8s/configmaps';
import { csrPermissions } from '@/lib/k8s/access-review';
import type { Kube } from '@/lib/k8s/client';
import { ReviewCsrWireSchema, reviewWireCsr, toCsrDetail, toCsrRow, type ReviewCsrWire } from './csr-reshape';
import type { Target } from '@/lib/k8s/errors';
import { getJson, withQuery } from '@/lib/k8s/transport';

const CSR_PATH = '/apis/certificates.k8s.io/v1/certificatesigningrequests';
const csrTarget = (name?: string): Target => ({
  kind: 'api',
  verb: name ? 'get' : 'list',
  resource: 'certificatesigningrequests',
  group: 'certificates.k8s.io',
  name,
});
const nodesTarget: Target = { kind: 'api', verb: 'list', resource: 'nodes' };

const NodeAddressesWireSchema = z.object({
  metadata: z.object({ name: z.string() }),
  status: z.object({ addresses: z.array(z.object({ type: z.string(), address: z.string() })).nullish() }).nullish(),
});
const ListSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    metadata: z.object({ continue: z.string().optional(), resourceVersion: z.string().optional() }).optional(),
    items: z.array(item).nullish(),
  });

const apiOpts = () => ({ timeoutMs: env().KD_API_TIMEOUT_MS, maxBytes: env().KD_MAX_API_BODY_BYTES });

/** Lists every page (`limit`/`continue`, as kubectl chunks with 500). Returns the items and the list's resourceVersion. */
async function listAll<T extends z.ZodType>(
  kube: Kube,
  path: string,
  item: T,
  target: Target,
): Promise<{ items: z.infer<T>[]; resourceVersion: string }> {
  const items: z.infer<T>[] = [];
  let cont: string | undefined;
  let resourceVersion = '';
  do {
    const page = await getJson(
      kube,
      withQuery(path, { limit: env().KD_LIST_PAGE_SIZE, continue: cont }),
      ListSchema(item),
      target,
      apiOpts(),
    );
    items.push(...((page.items ?? []) as z.infer<T>[]));
    cont = page.metadata?.continue || undefined;
    resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
  } while (cont);
  return { items, resourceVersion };
}

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

/**
 * What the checks need to know about the cluster: every node's addresses, and the API server's own addresses
 * (the kubeconfig server host and the `default/kubernetes` Service ClusterIP, read best-effort: a viewer may not
 * be allowed to read Services, and the check still has the server host).
 */
export async function clusterFacts(kube: Kube): Promise<{ facts: ClusterFacts; index: NodeIndex }> {
  const [nodes, clusterIp, clusterDomain] = await Promise.all([
    listAll(kube, '/api/v1/nodes', NodeAddressesWireSchema, nodesTarget),
    getJson(
      kube,
      '/api/v1/namespaces/default/services/kubernetes',
      z.object({ spec: z.object({ clusterIP: z.string().optional() }).optional() }),
      { kind: 'api', verb: 'get', resource: 'services', name: 'kubernetes' },
      apiOpts(),
    )
      .then((s) => s.spec?.clusterIP ?? null)
      .catch(() => null),
    kubeadmClusterDomain(kube),
  ]);
  const host = serverHost(kube.server);
  const apiServerHosts = [host, clusterIp].filter((h): h is string => Boolean(h));
  const facts: ClusterFacts = {
    nodes: nodes.items.map((n) => ({ name: n.metadata.name, addresses: n.status?.addresses ?? [] })),
    clusterDomain: clusterDomain ?? DEFAULT_CLUSTER_DOMAIN,
    apiServerHosts,
    maxExpirationSeconds: DEFAULT_MAX_EXPIRATION_SECONDS,
  };
  return { facts, index: indexNodes(facts.nodes) };
}

export async function listCsrWire(kube: Kube): Promise<{ items: ReviewCsrWire[]; resourceVersion: string }> {
  return listAll(kube, CSR_PATH, ReviewCsrWireSchema, csrTarget());
}

export async function getCsrWire(kube: Kube, name: string): Promise<ReviewCsrWire> {
  try {
    return await getJson(
      kube,
      `${CSR_PATH}/${encodeURIComponent(name)}`,
      ReviewCsrWireSchema,
      csrTarget(name),
      apiOpts(),
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 404) throw new NotFoundError('CertificateSigningRequest', name);
    throw err;
  }
}

/** GET /api/csrs/review: every CSR with its verdict, the pending count and flood warning, and permissions. */
export async function listReviewedCsrs(kube: Kube, now: Date): Promise<CsrListResponse & { resourceVersion: string }> {
  const [{ items, resourceVersion }, { facts, index }] = await Promise.all([listCsrWire(kube), clusterFacts(kube)]);
  const rows = (await Promise.all(items.map((w) => reviewWireCsr(w, facts, index)))).map(toCsrRow);
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

/**
 * Number of Nodes without listing them: a one-item page carries `metadata.remainingItemCount` (API concepts,
 * "Retrieving large results sets in chunks"); falls back to a full list when the server omits it.
 */
async function nodeCount(kube: Kube): Promise<number> {
  const Page = z.object({
    metadata: z.object({ remainingItemCount: z.number().optional() }).optional(),
    items: z.array(z.unknown()).nullish(),
  });
  const page = await getJson(kube, withQuery('/api/v1/nodes', { limit: 1 }), Page, nodesTarget, apiOpts());
  const remaining = page.metadata?.remainingItemCount;
  if (remaining !== undefined) return (page.items?.length ?? 0) + remaining;
  return (await listAll(kube, '/api/v1/nodes', NodeAddressesWireSchema, nodesTarget)).items.length;
}

/** The nav badge: pending CSRs and whether that's a flood, without decoding anything. */
export async function pendingCsrCount(
  kube: Kube,
): Promise<{ context: string; pending: number; nodeCount: number; flood: boolean }> {
  const [{ items }, nodes] = await Promise.all([listCsrWire(kube), nodeCount(kube)]);
  const decided = (c: ReviewCsrWire) =>
    (c.status?.conditions ?? []).some((x) => ['Approved', 'Denied', 'Failed'].includes(x.type) && x.status !== 'False');
  const pending = items.filter((c) => !decided(c)).length;
  return { context: kube.context, pending, nodeCount: nodes, flood: pendingFlood(pending, nodes).flood };
}

/** The CSR collection's current resourceVersion, to start a watch from "now" (a one-item page is enough). */
export async function currentCsrResourceVersion(kube: Kube): Promise<string> {
  const page = await getJson(kube, withQuery(CSR_PATH, { limit: 1 }), ListSchema(z.unknown()), csrTarget(), apiOpts());
  return page.metadata?.resourceVersion ?? '';
}

import 'server-only';
import { z } from 'zod';
import { ConfigzSchema, SummarySchema, type Configz, type Summary } from '@/lib/api/kubelet';
import { NodeNameSchema } from '@/lib/api/names';
import { env } from '@/lib/env';
import type { Kube } from './client';
import type { Target } from './errors';
import { getJson, getJsonLeadingMember, getLeadingMemberBytes, withQuery } from './transport';

/**
 * Only the Summary's `node` block (memory, filesystems, rlimit): what per-node eviction headroom needs. `pods`
 * (the bulk of a Summary, ~30 pods × containers × volumes) is neither parsed nor validated: the body is read up to
 * the end of its leading `node` member (transport.ts getJsonLeadingMember), so a 5,000-node sweep builds no pod
 * objects at all.
 */
const NodeStatsSchema = z.object({ node: SummarySchema.shape.node });
type NodeStats = z.infer<typeof NodeStatsSchema>;

/**
 * The only kubelet endpoints we ever reach through the apiserver's node proxy. The browser picks a node, never
 * a path: the name must be a DNS-1123 subdomain (checked before any request) and is encoded anyway.
 */
const ENDPOINTS = { configz: 'configz', summary: 'stats/summary' } as const;

function proxyPath(node: string, endpoint: keyof typeof ENDPOINTS): { path: string; target: Target; name: string } {
  const name = NodeNameSchema.parse(node);
  const ep = ENDPOINTS[endpoint];
  return {
    name,
    path: `/api/v1/nodes/${encodeURIComponent(name)}/proxy/${ep}`,
    target: { kind: 'kubelet', node: name, endpoint: ep },
  };
}

interface KubeletOptions {
  signal?: AbortSignal;
  /** overrides KD_KUBELET_TIMEOUT_MS (tests use a short one for the slow node) */
  timeoutMs?: number;
  /** overrides KD_MAX_BODY_BYTES (the fleet sweep caps bodies lower: many are in flight at once) */
  maxBytes?: number;
}

const kubeletOpts = (o: KubeletOptions) => ({
  timeoutMs: o.timeoutMs ?? env().KD_KUBELET_TIMEOUT_MS,
  maxBytes: o.maxBytes ?? env().KD_MAX_BODY_BYTES,
  signal: o.signal,
});

/**
 * The kubelet's effective KubeletConfiguration, from `/configz` (needs `get nodes/proxy`), read and parsed at once:
 * the app reads configz only through the fleet's cache (getKubeletConfigzBytes); tests of the transport against the
 * fake apiserver and the sim read it this way, through the same bytes-then-parse path.
 * @internal exported for tests
 */
export async function getKubeletConfigz(kube: Kube, node: string, o: KubeletOptions = {}): Promise<Configz> {
  return (await getKubeletConfigzBytes(kube, node, o)).parse();
}

/**
 * configz as the undecoded bytes of its `kubeletconfig` object, and `parse` to validate them (as getKubeletConfigz):
 * the fleet's configz cache hashes the bytes first and parses only a config it does not hold yet
 * (lib/fleet/configz-cache.ts). Go's encoding/json writes a config the same way every time, so identical configs
 * are identical bytes.
 */
export async function getKubeletConfigzBytes(
  kube: Kube,
  node: string,
  o: KubeletOptions = {},
): Promise<{ bytes: Uint8Array; parse: () => Configz }> {
  const { path, target } = proxyPath(node, 'configz');
  return getLeadingMemberBytes(kube, path, 'kubeletconfig', ConfigzSchema, target, kubeletOpts(o));
}

/**
 * The kubelet's stats/v1alpha1 Summary. `onlyCpuAndMemory` asks the kubelet for the cheap subset
 * (what metrics-server uses) instead of walking every filesystem and volume.
 */
export async function getKubeletSummary(
  kube: Kube,
  node: string,
  o: KubeletOptions & { onlyCpuAndMemory?: boolean } = {},
): Promise<Summary> {
  const { path, target } = proxyPath(node, 'summary');
  const url = withQuery(path, { only_cpu_and_memory: o.onlyCpuAndMemory ? 'true' : undefined });
  return getJson(kube, url, SummarySchema, target, kubeletOpts(o));
}

/** The Summary's node block only (see NodeStatsSchema): the fleet sweep's per-node stats read. */
export async function getKubeletNodeStats(kube: Kube, node: string, o: KubeletOptions = {}): Promise<NodeStats> {
  const { path, target } = proxyPath(node, 'summary');
  return getJsonLeadingMember(kube, path, 'node', NodeStatsSchema, target, kubeletOpts(o));
}

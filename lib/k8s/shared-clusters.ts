import 'server-only';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { KubeConfig, type Cluster } from '@kubernetes/client-node';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/observability/log';
import { listContexts, tokenKube, type Kube } from './client';
import { filesStamp } from './kubeconfig-reload';

/**
 * Shared mode: the clusters a signed-in user may add to their session, as the operator lists them in
 * KD_SHARED_CLUSTERS_FILE (a kubeconfig-format file; only its `clusters:` entries are read, so no credential in
 * it is ever used). The user supplies nothing but a bearer token for one of them by name: the server connects only
 * to servers the operator listed, so the dashboard is not an SSRF gadget into the cluster network (a user-supplied
 * URL would let anyone make the server probe internal addresses and read the answers). docs/deploy.md, "Shared mode".
 */
export interface AllowedCluster {
  name: string;
  server: string;
}

interface Loaded {
  stamp: string;
  /** by name, in the file's order */
  clusters: Map<string, Cluster>;
  /** entries left out, with why (the home cluster, TLS off, not https) */
  skipped: Array<{ name: string; reason: string }>;
}

let loaded: { file: string; value: Loaded } | undefined;

const misconfigured = (message: string) =>
  new AppError('ServiceUnavailable', 503, message, 'See docs/deploy.md, "Shared mode" (KD_SHARED_CLUSTERS_FILE).');

/**
 * Why an entry may not be offered, or undefined: the home cluster is the session's own (sign in again to change
 * identity there); a cluster without TLS verification or over plain http would carry the user's token to whoever
 * answers at that address.
 */
function refusal(c: Cluster, home: { context: string; server: string }): string | undefined {
  if (c.name === home.context) return `its name is the dashboard's own context's`;
  if (c.server === home.server) return "it is the dashboard's own cluster";
  if (c.skipTLSVerify) return 'insecure-skip-tls-verify would send tokens to an unverified server';
  let url: URL;
  try {
    url = new URL(c.server);
  } catch {
    return 'its server is not a URL';
  }
  if (url.protocol !== 'https:') return 'its server is not https';
  return undefined;
}

function load(): Loaded | undefined {
  const file = env().KD_SHARED_CLUSTERS_FILE;
  if (!file) return undefined;
  const abs = path.resolve(file);
  const stamp = filesStamp([abs]);
  if (loaded?.file === abs && loaded.value.stamp === stamp) return loaded.value;
  if (stamp.endsWith('\0absent')) throw misconfigured(`KD_SHARED_CLUSTERS_FILE ${file} does not exist.`);
  const kc = new KubeConfig();
  try {
    // loadFromFile resolves certificate-authority paths against the file, as kubectl does
    kc.loadFromFile(abs);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : 'unreadable';
    throw misconfigured(`KD_SHARED_CLUSTERS_FILE ${file} could not be read: ${reason}`);
  }
  const homeContexts = listContexts();
  const home = {
    context: homeContexts.current,
    server: homeContexts.contexts.find((c) => c.name === homeContexts.current)?.server ?? '',
  };
  const clusters = new Map<string, Cluster>();
  const skipped: Loaded['skipped'] = [];
  for (const c of kc.getClusters()) {
    const why = refusal(c, home);
    if (why) skipped.push({ name: c.name, reason: why });
    else if (!clusters.has(c.name)) clusters.set(c.name, c);
  }
  const value = { stamp, clusters, skipped };
  loaded = { file: abs, value };
  for (const s of skipped)
    log.warn(
      { event: 'shared-clusters', cluster: s.name, reason: s.reason },
      `KD_SHARED_CLUSTERS_FILE: ${s.name} left out: ${s.reason}`,
    );
  return value;
}

/** The clusters users may add (empty when KD_SHARED_CLUSTERS_FILE is unset). Names and servers only. */
export function allowedClusters(): AllowedCluster[] {
  return [...(load()?.clusters.values() ?? [])].map((c) => ({ name: c.name, server: c.server }));
}

/**
 * The entries of the file that are not offered, and why (logged for the operator when the file is read).
 * @internal exported for its unit tests
 */
export function skippedClusters(): ReadonlyArray<{ name: string; reason: string }> {
  return load()?.skipped ?? [];
}

/** The allowed cluster named `name`, or a 422 that says so (never a fallback to any other server). */
export function allowedCluster(name: string): AllowedCluster {
  const c = load()?.clusters.get(name);
  if (!c) {
    throw new AppError(
      'Invalid',
      422,
      `"${name.slice(0, 100)}" is not a cluster this dashboard lets you add.`,
      'The operator lists the clusters users may add in KD_SHARED_CLUSTERS_FILE.',
    );
  }
  return { name: c.name, server: c.server };
}

/** Per-token Kubes kept at once, least recently used dropped first (as client.ts's userKube). */
const MAX_KUBES = 256;
const kubes = new Map<string, Kube>();
const keyOf = (c: Cluster, token: string) =>
  createHash('sha256')
    .update(JSON.stringify([c.name, c.server, c.caData ?? null, c.caFile ?? null, c.tlsServerName ?? null, token]))
    .digest('hex');

/**
 * A Kube for the allowed cluster `name` whose only credential is `token`, named by the cluster. Cached per
 * (cluster entry, token) so the fleet caches keyed by its identity serve the same user across requests; an
 * edited entry (new CA, new server) makes a new one.
 */
export function allowedClusterKube(name: string, token: string): Kube {
  allowedCluster(name);
  const c = load()!.clusters.get(name)!;
  const key = keyOf(c, token);
  const known = kubes.get(key);
  if (known) {
    kubes.delete(key);
    kubes.set(key, known);
    return known;
  }
  const kube = tokenKube(c, c.name, token, 'kubeconfig');
  kubes.set(key, kube);
  for (const oldest of kubes.keys()) {
    if (kubes.size <= MAX_KUBES) break;
    kubes.delete(oldest);
  }
  return kube;
}

/** Removing a cluster or signing out: this process stops holding the token. */
export function forgetAllowedClusterKube(name: string, token: string): void {
  const c = load()?.clusters.get(name);
  if (c) kubes.delete(keyOf(c, token));
}

/**
 * Tests point KD_SHARED_CLUSTERS_FILE at several files.
 * @internal for tests
 */
export function resetSharedClustersForTests(): void {
  loaded = undefined;
  kubes.clear();
}

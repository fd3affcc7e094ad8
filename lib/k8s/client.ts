import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig, type Cluster } from '@kubernetes/client-node';
import type { ContextsResponse } from '@/lib/api/contexts';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { credentialIdentity } from './credential-identity';
import { clusterFingerprint, contextFingerprint, filesStamp, keepUnchanged } from './kubeconfig-reload';

/**
 * A request-scoped handle on one cluster: the context's name, its server, who is asking, and (inside lib/k8s
 * only, see kubeConfigOf) the KubeConfig whose current-context is that context. Every data function takes it
 * first, so shared mode hands out a Kube carrying a user's bearer token without changing any caller. Nothing of
 * client-node leaves lib/k8s through it.
 */
export interface Kube {
  readonly context: string;
  /** server URL of the context's cluster, for messages (never credentials) */
  readonly server: string;
  readonly source: 'kubeconfig' | 'in-cluster';
  /** the credential identity per-identity caches are keyed by (credential-identity.ts); never a credential */
  readonly identity: string;
}

const configs = new WeakMap<Kube, KubeConfig>();

/** The Kube's KubeConfig, for lib/k8s's own transport, watches and clients (lint keeps it inside lib/k8s). */
export function kubeConfigOf(kube: Kube): KubeConfig {
  const config = configs.get(kube);
  if (!config) throw new AppError('InternalError', 500, 'a Kube not made by lib/k8s/client.ts');
  return config;
}

interface Loaded {
  readonly base: KubeConfig;
  readonly source: Kube['source'];
  /** the kubeconfig files as they were when read (kubeconfig-reload.ts); a different stamp means read again */
  readonly stamp: string;
  readonly kubes: Map<string, Kube>;
  /** shared mode: per-user Kubes keyed by a hash of the token, oldest first (see userKube) */
  readonly userKubes: Map<string, Kube>;
}

export interface LoadOptions {
  /** Kubeconfig path list (as KUBECONFIG would hold it); tests point this at the simulator's file. */
  kubeconfigPath?: string;
}

const SERVICEACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';
const SERVICEACCOUNT_CA = '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt';
const loadedByKey = new Map<string, Loaded>();

const noCredentials = () =>
  new AppError(
    'ServiceUnavailable',
    503,
    'No Kubernetes credentials found.',
    'Set KUBECONFIG, create ~/.kube/config, or run in a pod with a ServiceAccount.',
  );

/**
 * Merges kubeconfig files the way kubectl does (clientcmd loading rules): files that don't exist are skipped,
 * the first file to define a cluster, user or context name wins, and current-context comes from the first file
 * that sets it. (client-node's own merge throws on duplicate names and lets the last file's context win.)
 */
function mergeFiles(files: string[]): KubeConfig | undefined {
  const merged = new KubeConfig();
  let found = false;
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const kc = new KubeConfig();
    try {
      kc.loadFromFile(file); // also makes cert/key/CA paths absolute relative to the file, like kubectl
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0] : 'unreadable';
      throw new AppError('ServiceUnavailable', 503, `Kubeconfig ${file} could not be read: ${reason}`);
    }
    found = true;
    const has = <T extends { name: string }>(list: T[], name: string) => list.some((x) => x.name === name);
    for (const c of kc.getClusters()) if (!has(merged.clusters, c.name)) merged.clusters.push(c);
    for (const u of kc.getUsers()) if (!has(merged.users, u.name)) merged.users.push(u);
    for (const c of kc.getContexts()) if (!has(merged.contexts, c.name)) merged.contexts.push(c);
    if (!merged.currentContext && kc.getCurrentContext()) merged.setCurrentContext(kc.getCurrentContext());
  }
  return found ? merged : undefined;
}

/**
 * The merged kubeconfig, read again whenever its files change on disk (kubectl reads it per call): contexts added,
 * removed or edited show up without a restart. Handles of contexts that did not change are kept, caches and all.
 */
function load(opts: LoadOptions): Loaded {
  const list = opts.kubeconfigPath ?? env().KUBECONFIG;
  const key = list ?? '';
  const files = list ? list.split(path.delimiter).filter(Boolean) : [path.join(os.homedir(), '.kube', 'config')];
  const stamp = filesStamp(files);
  const cached = loadedByKey.get(key);
  if (cached?.stamp === stamp) return cached;

  let base = mergeFiles(files);
  let source: Kube['source'] = 'kubeconfig';
  if (!list) {
    // In a pod. The CA alone is enough in the shared modes: deploy/ mounts only ca.crt (no ServiceAccount token),
    // and every call carries the signed-in user's token instead.
    if (
      !base &&
      env().KUBERNETES_SERVICE_HOST &&
      (fs.existsSync(SERVICEACCOUNT_TOKEN) || fs.existsSync(SERVICEACCOUNT_CA))
    ) {
      base = new KubeConfig();
      base.loadFromCluster();
      source = 'in-cluster';
    }
  }
  if (!base || base.getContexts().length === 0) throw noCredentials();
  const loaded: Loaded = {
    base,
    source,
    stamp,
    kubes: cached ? keepUnchanged(cached.kubes, cached.base, base, contextFingerprint) : new Map(),
    userKubes: cached ? keepUnchanged(cached.userKubes, cached.base, base, clusterFingerprint) : new Map(),
  };
  loadedByKey.set(key, loaded);
  return loaded;
}

/** A Kube for `config` (its identity from the credentials it carries), remembered with its config. */
function registerKube(context: string, server: string, source: Kube['source'], config: KubeConfig): Kube {
  const kube: Kube = { context, server, source, identity: credentialIdentity(context, server, config) };
  configs.set(kube, config);
  return kube;
}

function makeKube(loaded: Loaded, context: string, config = contextConfig(loaded.base, context)): Kube {
  const { source } = loaded;
  const cluster = config.getCurrentCluster();
  if (!cluster) {
    throw new AppError('Invalid', 422, `Context "${context}" refers to a cluster that is not in the kubeconfig.`);
  }
  return registerKube(context, cluster.server, source, config);
}

function contextConfig(base: KubeConfig, context: string): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: base.clusters,
    users: base.users,
    contexts: base.contexts,
    currentContext: context,
  });
  return config;
}

/** The per-user Kubes kept at once; past this the least recently used is dropped (it is rebuilt on demand). */
const MAX_USER_KUBES = 256;
const USER_ENTRY = 'kd-signed-in-user';
const tokenKey = (context: string, token: string) => createHash('sha256').update(`${context}\0${token}`).digest('hex');

/**
 * Shared mode: a Kube for the default context's cluster (server, CA, TLS server name, proxy-url) whose only
 * credential is `token`, so every call is made as that user and the cluster's RBAC decides. Nothing from the
 * kubeconfig's (or the pod's ServiceAccount's) user entry is carried over. Kubes are cached per token hash so the
 * per-Kube caches (SelfSubjectAccessReview answers, fleet sweeps) work across a user's requests.
 */
export function userKube(token: string, opts: LoadOptions = {}): Kube {
  const loaded = load(opts);
  const context = defaultContext(opts);
  const key = tokenKey(context, token);
  const known = loaded.userKubes.get(key);
  if (known) {
    loaded.userKubes.delete(key); // re-insert: Map order is our LRU order
    loaded.userKubes.set(key, known);
    return known;
  }
  const clusterName = loaded.base.getContextObject(context)?.cluster;
  const cluster = clusterName ? loaded.base.getCluster(clusterName) : null;
  if (!cluster)
    throw new AppError('Invalid', 422, `Context "${context}" refers to a cluster that is not in the kubeconfig.`);
  const kube = tokenKube(cluster, context, token, loaded.source);
  loaded.userKubes.set(key, kube);
  for (const oldest of loaded.userKubes.keys()) {
    if (loaded.userKubes.size <= MAX_USER_KUBES) break;
    loaded.userKubes.delete(oldest);
  }
  return kube;
}

/**
 * A Kube named `context` for `cluster` (server, CA, TLS server name, proxy-url) whose only credential is `token`:
 * every call is made as the token's owner. Shared mode's home cluster (userKube) and the clusters a user adds to
 * their session (shared-clusters.ts) are both made here.
 */
export function tokenKube(cluster: Cluster, context: string, token: string, source: Kube['source']): Kube {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [cluster],
    users: [{ name: USER_ENTRY, token }],
    contexts: [{ name: context, cluster: cluster.name, user: USER_ENTRY }],
    currentContext: context,
  });
  return registerKube(context, cluster.server, source, config);
}

/** Sign-out: drops the user's cached Kube, so the token is no longer held in memory by this process. */
export function forgetUserKube(token: string, opts: LoadOptions = {}): void {
  const loaded = load(opts);
  loaded.userKubes.delete(tokenKey(defaultContext(opts), token));
}

/** Names of the kubeconfig's contexts (for validating the `kd-context` cookie). */
export function contextNames(opts: LoadOptions = {}): string[] {
  return load(opts)
    .base.getContexts()
    .map((c) => c.name);
}

/** The context used when the request names none: KUBE_CONTEXT, else current-context, else the first one. */
function defaultContext(opts: LoadOptions = {}): string {
  const { base } = load(opts);
  const names = base.getContexts().map((c) => c.name);
  const preferred = [env().KUBE_CONTEXT, base.getCurrentContext()].find((n) => n && names.includes(n));
  const name = preferred ?? names[0];
  if (!name) throw noCredentials();
  return name;
}

/**
 * The Kube for `context` (default: see defaultContext). Handles are cached per context so API clients and
 * exec-plugin tokens are reused. An explicit unknown context is a 422, never a silent fallback.
 */
export function getKube(opts: LoadOptions & { context?: string } = {}): Kube {
  const loaded = load(opts);
  const name = opts.context ?? defaultContext(opts);
  if (!loaded.base.getContextObject(name)) {
    throw new AppError('Invalid', 422, `Context "${name}" is not in the kubeconfig.`);
  }
  let kube = loaded.kubes.get(name);
  if (!kube) {
    kube = makeKube(loaded, name);
    loaded.kubes.set(name, kube);
  }
  return kube;
}

/** Contexts for the picker: names, cluster, user and server URL only; never tokens, keys or certificates. */
export function listContexts(opts: LoadOptions & { current?: string } = {}): ContextsResponse {
  const { base, source } = load(opts);
  return {
    current: opts.current ?? defaultContext(opts),
    source,
    contexts: base.getContexts().map((c) => ({
      name: c.name,
      cluster: c.cluster,
      user: c.user,
      server: base.getCluster(c.cluster)?.server ?? '',
    })),
  };
}

/**
 * Tests load several kubeconfigs in one process; this forgets them.
 * @internal for tests
 */
export function resetKubeCacheForTests(): void {
  loadedByKey.clear();
}

import 'server-only';
import { cookies } from 'next/headers';
import type { ContextsResponse } from '@/lib/api/contexts';
import { authMode } from '@/lib/auth/config';
import { requireIdentity } from '@/lib/auth/identity';
import { AppError } from '@/lib/errors';
import type { OverviewTarget } from './cluster-overview';
import { contextNames, getKube, listContexts, userKube, type Kube } from '@/lib/k8s/client';

/** Cookie holding the context the user picked (set by POST /api/contexts/current). */
export const CONTEXT_COOKIE = 'kd-context';

/** The cookie's context when it names one in the kubeconfig; a stale or forged value is ignored. */
async function cookieContext(): Promise<string | undefined> {
  const value = (await cookies()).get(CONTEXT_COOKIE)?.value;
  return value && contextNames().includes(value) ? value : undefined;
}

/**
 * The Kube for the current request. Local mode: the kubeconfig's credentials; context precedence is explicit
 * argument, `kd-context` cookie, KUBE_CONTEXT, the kubeconfig's current-context. Shared modes (lib/auth/config.ts):
 * the one configured cluster with the signed-in user's own token and nothing else (401 SignInRequired without
 * one); the context cookie is ignored and an explicit context must be that cluster's.
 */
export async function getRequestKube(context?: string): Promise<Kube> {
  if (authMode() === 'local') return getKube({ context: context ?? (await cookieContext()) });
  const { token } = await requireIdentity();
  const kube = userKube(token);
  if (context !== undefined && context !== kube.context) {
    throw new AppError('Invalid', 422, `Context "${context}" is not available: this dashboard serves one cluster.`);
  }
  return kube;
}

/** A context the user may switch to: 422 when the kubeconfig has no such context. */
export function assertKnownContext(name: string): void {
  getKube({ context: name });
}

/** Readiness: the credentials load (the kubeconfig parses and has a context, or the pod's ServiceAccount is there). */
export function assertCredentialsLoad(): void {
  contextNames();
}

/** listContexts with `current` reflecting this request's cookie; in the shared modes, only the one cluster. */
export async function listRequestContexts(): Promise<ContextsResponse> {
  if (authMode() === 'local') return listContexts({ current: await cookieContext() });
  await requireIdentity();
  const all = listContexts();
  return { ...all, contexts: all.contexts.filter((c) => c.name === all.current).map((c) => ({ ...c, user: '(you)' })) };
}

/**
 * The contexts the fleet overview reads. Local mode: `names` (422 for a name the kubeconfig lacks), else every
 * context in the kubeconfig, each with its own credentials. Shared modes: the signed-in user's own cluster only.
 */
export async function overviewTargets(names?: readonly string[]): Promise<OverviewTarget[]> {
  if (authMode() !== 'local') return [await getRequestKube()];
  const known = contextNames();
  const unknown = (names ?? []).filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new AppError('Invalid', 422, `Not in the kubeconfig: ${unknown.map((n) => `"${n}"`).join(', ')}.`);
  }
  const servers = new Map(listContexts().contexts.map((c) => [c.name, c.server]));
  return (names ?? known).map((context) => {
    try {
      return getKube({ context });
    } catch (error) {
      return { context, server: servers.get(context) ?? '', error };
    }
  });
}

/**
 * The Kubes of `names` for a request that spans clusters (compare across clusters): local mode, each context
 * with its own credentials (422 for a name the kubeconfig lacks); shared modes, only the user's own cluster.
 */
export async function getRequestKubes(names: readonly string[]): Promise<Kube[]> {
  return Promise.all(names.map((name) => getRequestKube(name)));
}

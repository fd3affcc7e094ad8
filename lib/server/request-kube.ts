import 'server-only';
import { cookies } from 'next/headers';
import type { ContextsResponse } from '@/lib/api/contexts';
import { authMode } from '@/lib/auth/config';
import { requireIdentity } from '@/lib/auth/identity';
import { sessionClusters } from '@/lib/auth/session-clusters';
import { AppError } from '@/lib/errors';
import type { OverviewTarget } from './cluster-overview';
import { contextNames, getKube, listContexts, userKube, type Kube } from '@/lib/k8s/client';

/** Cookie holding the context the user picked (set by POST /api/contexts/current). */
export const CONTEXT_COOKIE = 'kd-context';

const rawCookieContext = async () => (await cookies()).get(CONTEXT_COOKIE)?.value;

/** The cookie's context when it names one in the kubeconfig; a stale or forged value is ignored. */
async function cookieContext(): Promise<string | undefined> {
  const value = await rawCookieContext();
  return value && contextNames().includes(value) ? value : undefined;
}

/**
 * Shared modes: the Kubes this request may use, the dashboard's own cluster (with the user's sign-in token) first,
 * then (shared mode) the clusters the user added to their session, each with the token given for it. Nothing
 * else: another user's added clusters live in that user's cookies, which this request does not carry.
 */
async function identityKubes(): Promise<Kube[]> {
  const { token, mode } = await requireIdentity();
  const home = userKube(token);
  if (mode !== 'shared') return [home];
  return [home, ...(await sessionClusters()).map((c) => c.kube)];
}

const notAvailable = (context: string) =>
  new AppError(
    'Invalid',
    422,
    `Context "${context.slice(0, 100)}" is not available: it is neither this dashboard's cluster nor one added to your session.`,
    authMode() === 'shared' ? 'Add it on the Clusters page with your token for it.' : undefined,
  );

/**
 * The Kube for the current request. Local mode: the kubeconfig's credentials; context precedence is explicit
 * argument, `kd-context` cookie, KUBE_CONTEXT, the kubeconfig's current-context. Shared modes (lib/auth/config.ts):
 * the configured cluster with the signed-in user's own token (401 SignInRequired without one) or, in shared mode,
 * a cluster the user added to their session (picked explicitly or by the `kd-context` cookie); a context cookie
 * naming anything else is ignored, an explicit context naming anything else is a 422.
 */
export async function getRequestKube(context?: string): Promise<Kube> {
  if (authMode() === 'local') return getKube({ context: context ?? (await cookieContext()) });
  const kubes = await identityKubes();
  const wanted = context ?? (await rawCookieContext());
  const found = wanted === undefined ? undefined : kubes.find((k) => k.context === wanted);
  if (found) return found;
  if (context !== undefined) throw notAvailable(context);
  return kubes[0]!;
}

/** A context the user may switch to: one in the kubeconfig (local), one of the session's (shared); 422 otherwise. */
export async function assertSelectableContext(name: string): Promise<void> {
  if (authMode() === 'local') getKube({ context: name });
  else await getRequestKube(name);
}

/** Readiness: the credentials load (the kubeconfig parses and has a context, or the pod's ServiceAccount is there). */
export function assertCredentialsLoad(): void {
  contextNames();
}

/**
 * listContexts with `current` reflecting this request's cookie. Shared modes: the dashboard's cluster and the
 * clusters added to the session, each "(you)": the user is whoever their token says.
 */
export async function listRequestContexts(): Promise<ContextsResponse> {
  if (authMode() === 'local') return listContexts({ current: await cookieContext() });
  const kubes = await identityKubes();
  const all = listContexts();
  const home = all.contexts.find((c) => c.name === all.current);
  const cookie = await rawCookieContext();
  return {
    ...all,
    current: kubes.some((k) => k.context === cookie) ? cookie! : all.current,
    contexts: [
      ...(home ? [{ ...home, user: '(you)' }] : []),
      ...kubes.slice(1).map((k) => ({ name: k.context, cluster: k.context, user: '(you)', server: k.server })),
    ],
  };
}

/**
 * The contexts the fleet overview reads. Local mode: `names` (422 for a name the kubeconfig lacks), else every
 * context in the kubeconfig, each with its own credentials. Shared modes: the user's own cluster and the clusters
 * added to the session (422 for any other name).
 */
export async function overviewTargets(names?: readonly string[]): Promise<OverviewTarget[]> {
  if (authMode() !== 'local') {
    const kubes = await identityKubes();
    const unknown = (names ?? []).find((n) => !kubes.some((k) => k.context === n));
    if (unknown !== undefined) throw notAvailable(unknown);
    return names ? kubes.filter((k) => names.includes(k.context)) : kubes;
  }
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
 * with its own credentials (422 for a name the kubeconfig lacks); shared modes, the user's own cluster and the
 * clusters added to the session.
 */
export async function getRequestKubes(names: readonly string[]): Promise<Kube[]> {
  return Promise.all(names.map((name) => getRequestKube(name)));
}

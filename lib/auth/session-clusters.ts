import 'server-only';
import { cookies } from 'next/headers';
import type { AddedCluster, SessionClustersResponse } from '@/lib/api/session-clusters';
import { AppError } from '@/lib/errors';
import { listContexts, type Kube } from '@/lib/k8s/client';
import { rejectedBy } from '@/lib/k8s/errors';
import { reviewSelf } from '@/lib/k8s/self-review';
import {
  allowedCluster,
  allowedClusterKube,
  allowedClusters,
  forgetAllowedClusterKube,
} from '@/lib/k8s/shared-clusters';
import { log } from '@/lib/observability/log';
import {
  clearCookie,
  clusterCookie,
  clusterCookieName,
  isClusterCookie,
  MAX_SESSION_CLUSTERS,
  MAX_SESSION_COOKIES_BYTES,
  openClusterGrant,
  sealClusterGrant,
  type ClusterGrant,
} from './cluster-cookie';
import { authConfig } from './config';
import { currentSession, SignInRequiredError } from './identity';
import { SESSION_COOKIE, type Session } from './session';

/**
 * Shared mode: the clusters a signed-in user adds to their session with their own token (docs/deploy.md,
 * "Shared mode"). Only clusters the operator listed (lib/k8s/shared-clusters.ts); each token is checked with its
 * cluster (SelfSubjectReview, as sign-in does) before it is kept, in a cookie of its own bound to the session
 * (cluster-cookie.ts). Another user's request carries none of these cookies, so it can name none of these
 * clusters: isolation comes from where the token lives, not from a check that could be forgotten.
 */
export interface SessionCluster {
  grant: ClusterGrant;
  kube: Kube;
}

async function sharedSession(): Promise<{ session: Session; secret: string }> {
  const { mode, sessionSecret } = authConfig();
  if (mode !== 'shared' || !sessionSecret) {
    throw new AppError(
      'BadRequest',
      400,
      `Clusters are added to a session in shared mode only (this server runs in ${mode} mode).`,
    );
  }
  const session = await currentSession();
  if (!session) throw new SignInRequiredError();
  return { session, secret: sessionSecret };
}

/** This request's grants, valid or not, by cookie name (the raw cookies, for clearing and sizing). */
async function clusterCookies(): Promise<Array<{ name: string; value: string }>> {
  return (await cookies()).getAll().filter((c) => isClusterCookie(c.name));
}

/**
 * The clusters this request's session has added, each with a Kube made of the user's token for it. A grant for a
 * cluster the operator no longer lists, or whose server moved, is left out (the token was checked elsewhere).
 */
export async function sessionClusters(session?: Session, now = new Date()): Promise<SessionCluster[]> {
  const { mode, sessionSecret } = authConfig();
  if (mode !== 'shared' || !sessionSecret) return [];
  const s = session ?? (await currentSession(now));
  if (!s) return [];
  const out: SessionCluster[] = [];
  for (const c of await clusterCookies()) {
    const grant = await openClusterGrant(c.name, c.value, s, sessionSecret, now);
    if (!grant) continue;
    const allowed = allowedClusters().find((a) => a.name === grant.cluster);
    if (!allowed || allowed.server !== grant.server) continue;
    out.push({ grant, kube: allowedClusterKube(grant.cluster, grant.token) });
  }
  return out.sort((a, b) => a.grant.addedAt - b.grant.addedAt || a.grant.cluster.localeCompare(b.grant.cluster));
}

const added = (g: ClusterGrant): AddedCluster => ({
  name: g.cluster,
  server: g.server,
  user: g.user,
  groups: g.groups,
  verifiedBy: g.verifiedBy,
  addedAt: g.addedAt,
  expiresAt: g.expiresAt,
});

function response(grants: readonly ClusterGrant[]): SessionClustersResponse {
  const available = allowedClusters();
  return {
    enabled: available.length > 0,
    available,
    added: grants.map(added),
    maxClusters: MAX_SESSION_CLUSTERS,
  };
}

/** GET: what may be added and what is. Outside shared mode: nothing, `enabled: false`. */
export async function describeSessionClusters(): Promise<SessionClustersResponse> {
  if (authConfig().mode !== 'shared') return { enabled: false, available: [], added: [], maxClusters: 0 };
  const { session } = await sharedSession();
  return response((await sessionClusters(session)).map((c) => c.grant));
}

/**
 * Checks `token` with the allowed cluster `name` and keeps it in the session: 422 for a cluster not listed, a
 * token that cluster rejects, or a session with no room left; the cluster's own error when it cannot be reached.
 * Adding a cluster already added replaces its token (and who it says the user is).
 */
export async function addSessionCluster(
  req: Request,
  name: string,
  token: string,
  now = new Date(),
): Promise<{ body: SessionClustersResponse; cookie: string }> {
  const { session, secret } = await sharedSession();
  const target = allowedCluster(name);
  const others = (await sessionClusters(session, now)).filter((c) => c.grant.cluster !== name);
  if (others.length >= MAX_SESSION_CLUSTERS) {
    throw new AppError(
      'Invalid',
      422,
      `Your session already holds ${others.length} added clusters, the most it can keep.`,
      'Remove one first: each token travels in a cookie, and browsers and proxies limit their size.',
    );
  }
  const kube = allowedClusterKube(name, token);
  let who;
  try {
    who = await reviewSelf(kube);
  } catch (err) {
    forgetAllowedClusterKube(name, token);
    if (rejectedBy(err)) {
      log.info({ event: 'session-cluster-add', cluster: name, outcome: 'rejected' }, `adding ${name}: token rejected`);
      throw new AppError(
        'Invalid',
        422,
        `${name} rejected this token: it is invalid, has expired, or belongs to another cluster.`,
        `Paste a current token for ${name} (e.g. kubectl --context <${name}> create token <serviceaccount>).`,
      );
    }
    throw err;
  }
  const sealed = await sealClusterGrant({ cluster: name, server: target.server, token, ...who }, session, secret, now);
  const jar = await cookies();
  const kept = [
    jar.get(SESSION_COOKIE)?.value ?? '',
    ...others.map((c) => jar.get(clusterCookieName(c.grant.cluster))?.value ?? ''),
  ];
  const bytes = [...kept, sealed].reduce((n, v) => n + v.length + 40, 0);
  if (bytes > MAX_SESSION_COOKIES_BYTES) {
    forgetAllowedClusterKube(name, token);
    throw new AppError(
      'Invalid',
      422,
      `This token does not fit in your session beside ${others.length === 0 ? 'your sign-in' : `the ${others.length} clusters already added`}.`,
      'Remove an added cluster first; for very large tokens run the dashboard behind an auth proxy (KD_AUTH_MODE=proxy-header).',
    );
  }
  log.info(
    { event: 'session-cluster-add', cluster: name, outcome: 'ok', user: who.user, verifiedBy: who.verifiedBy },
    `${session.user} added ${name} as ${who.user}`,
  );
  const grant: ClusterGrant = {
    cluster: name,
    server: target.server,
    token,
    ...who,
    addedAt: Math.floor(now.getTime() / 1000),
    expiresAt: session.expiresAt,
  };
  return {
    body: response([...others.map((c) => c.grant), grant]),
    cookie: clusterCookie(name, sealed, req, session.expiresAt, now),
  };
}

/** Removes `name` from the session (its cookie cleared, its Kube and token forgotten); removing one not added is fine. */
export async function removeSessionCluster(name: string): Promise<{ body: SessionClustersResponse; cookie: string }> {
  const { session } = await sharedSession();
  const all = await sessionClusters(session);
  const gone = all.find((c) => c.grant.cluster === name);
  if (gone) {
    forgetAllowedClusterKube(name, gone.grant.token);
    log.info({ event: 'session-cluster-remove', cluster: name }, `${session.user} removed ${name}`);
  }
  return {
    body: response(all.filter((c) => c !== gone).map((c) => c.grant)),
    cookie: clearCookie(clusterCookieName(name)),
  };
}

/**
 * Sign-in and sign-out: Set-Cookie lines clearing every cluster cookie this browser sent (whichever sign-in
 * they belong to), and this process forgets the tokens of the current session's clusters.
 */
export async function clearSessionClusters(): Promise<string[]> {
  try {
    for (const c of await sessionClusters()) forgetAllowedClusterKube(c.grant.cluster, c.grant.token);
  } catch {
    // an unreadable KD_SHARED_CLUSTERS_FILE must not keep anyone signed in: the cookies are cleared regardless
  }
  return (await clusterCookies()).map((c) => clearCookie(c.name));
}

/**
 * A 401 from a cluster added to the session (not the dashboard's own): the token given for it was rejected,
 * while the sign-in itself stands. The error to answer instead, or undefined when `err` is no such 401.
 */
export function addedClusterRejection(err: unknown): AppError | undefined {
  const server = rejectedBy(err);
  if (server === undefined) return undefined;
  let home: string | undefined;
  try {
    const all = listContexts();
    home = all.contexts.find((c) => c.name === all.current)?.server;
  } catch {
    return undefined;
  }
  if (server === home) return undefined;
  return new AppError(
    'Unauthorized',
    401,
    `The API server at ${server} rejected the token you added for it (expired or revoked).`,
    'Remove the cluster on the Clusters page and add it again with a current token.',
  );
}

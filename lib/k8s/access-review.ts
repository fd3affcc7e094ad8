import 'server-only';
import { AuthenticationV1Api, AuthorizationV1Api } from '@kubernetes/client-node';
import type { CsrPermissions, Permission } from '@/lib/api/csrs';
import { kubeConfigOf, type Kube } from './client';
import { observeApiCall } from '@/lib/observability/prometheus';

/**
 * Who the dashboard acts as in a context, and whether it may approve CSRs. Both are asked of the cluster
 * (SelfSubjectReview, SelfSubjectAccessReview), never guessed from the kubeconfig, and cached briefly per
 * context so a refreshing list doesn't send a review storm.
 */
const TTL_MS = 30_000;

interface Cached<T> {
  at: number;
  value: Promise<T>;
}
const identityCache = new WeakMap<Kube, Cached<string>>();
const permissionCache = new WeakMap<Kube, Map<string, Cached<Permission>>>();

function cached<T>(
  entry: Cached<T> | undefined,
  now: number,
  make: () => Promise<T>,
  store: (c: Cached<T>) => void,
): Promise<T> {
  if (entry && now - entry.at < TTL_MS) return entry.value;
  const value = make();
  store({ at: now, value });
  return value;
}

/**
 * The user name the API server sees for this context (authentication.k8s.io/v1 SelfSubjectReview, GA in 1.28).
 * Falls back to the kubeconfig user entry's name when the cluster doesn't serve SelfSubjectReview.
 */
export function whoAmI(kube: Kube): Promise<string> {
  return cached(
    identityCache.get(kube),
    Date.now(),
    async () => {
      try {
        const api = kubeConfigOf(kube).makeApiClient(AuthenticationV1Api);
        const review = await observeApiCall('selfsubjectreviews.authentication.k8s.io.create', () =>
          api.createSelfSubjectReview({ body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } }),
        );
        const name = review.status?.userInfo?.username;
        if (name) return name;
      } catch {
        // older cluster or forbidden: fall through to what the kubeconfig calls the user
      }
      return `${kubeConfigOf(kube).getCurrentUser()?.name ?? 'unknown'} (kubeconfig user)`;
    },
    (c) => identityCache.set(kube, c),
  );
}

interface Attributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  name?: string;
}

async function canI(kube: Kube, attrs: Attributes): Promise<{ allowed: boolean; reason: string } | { error: string }> {
  try {
    const api = kubeConfigOf(kube).makeApiClient(AuthorizationV1Api);
    const res = await observeApiCall('selfsubjectaccessreviews.authorization.k8s.io.create', () =>
      api.createSelfSubjectAccessReview({
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: attrs },
        },
      }),
    );
    return { allowed: res.status?.allowed === true, reason: res.status?.reason ?? '' };
  } catch (err) {
    return { error: err instanceof Error ? (err.message.split('\n')[0] ?? 'failed') : 'failed' };
  }
}

function describe(a: Attributes): string {
  return `${a.verb} ${a.resource}${a.subresource ? `/${a.subresource}` : ''}${a.name ? ` "${a.name}"` : ''} (${a.group})`;
}

function permission(kube: Kube, key: string, make: () => Promise<Permission>): Promise<Permission> {
  let map = permissionCache.get(kube);
  if (!map) permissionCache.set(kube, (map = new Map()));
  const m = map;
  return cached(m.get(key), Date.now(), make, (c) => m.set(key, c));
}

/** `update certificatesigningrequests/approval`: needed to write any decision. */
function approvalPermission(kube: Kube, identity: string): Promise<Permission> {
  const attrs: Attributes = {
    verb: 'update',
    group: 'certificates.k8s.io',
    resource: 'certificatesigningrequests',
    subresource: 'approval',
  };
  return permission(kube, 'approval', async () => {
    const r = await canI(kube, attrs);
    if ('error' in r)
      return {
        allowed: true,
        reason: `not verified (SelfSubjectAccessReview failed: ${r.error}); the cluster will decide`,
      };
    return r.allowed
      ? { allowed: true, reason: `${identity} may ${describe(attrs)}` }
      : { allowed: false, reason: `${identity} may not ${describe(attrs)}` };
  });
}

/**
 * `approve signers/<signerName>`: the CSR approval admission plugin also accepts `approve` on `<domain>/*`
 * (Kubernetes docs, "Authorization" under CSRs), and RBAC matches resourceNames literally, so both are asked.
 */
function signerPermission(kube: Kube, identity: string, signer: string): Promise<Permission> {
  return permission(kube, `signer:${signer}`, async () => {
    const exact: Attributes = { verb: 'approve', group: 'certificates.k8s.io', resource: 'signers', name: signer };
    const wildcard: Attributes = { ...exact, name: `${signer.split('/')[0] ?? ''}/*` };
    const [a, b] = await Promise.all([canI(kube, exact), canI(kube, wildcard)]);
    if ('error' in a && 'error' in b)
      return {
        allowed: true,
        reason: `not verified (SelfSubjectAccessReview failed: ${a.error}); the cluster will decide`,
      };
    if (('allowed' in a && a.allowed) || ('allowed' in b && b.allowed))
      return { allowed: true, reason: `${identity} may approve for ${signer}` };
    return { allowed: false, reason: `${identity} may not ${describe(exact)}` };
  });
}

/** Everything the UI needs to enable or disable the decision buttons, with the reason when disabled. */
export async function csrPermissions(kube: Kube, signers: Iterable<string>): Promise<CsrPermissions> {
  const identity = await whoAmI(kube);
  const unique = [...new Set(signers)];
  const [updateApproval, ...perSigner] = await Promise.all([
    approvalPermission(kube, identity),
    ...unique.map((s) => signerPermission(kube, identity, s)),
  ]);
  return {
    identity,
    updateApproval: updateApproval!,
    signers: Object.fromEntries(unique.map((s, i) => [s, perSigner[i]!])),
  };
}

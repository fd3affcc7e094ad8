import 'server-only';
import { ApiException, AuthenticationV1Api, AuthorizationV1Api } from '@kubernetes/client-node';
import { kubeConfigOf, type Kube } from './client';
import { KubeTimeoutError, toKubeError, type Target } from './errors';
import { observeApiCall } from '@/lib/observability/prometheus';

export interface SelfReview {
  /** the user name the API server authenticated, or a placeholder when the cluster can't say */
  user: string;
  groups: string[];
  verifiedBy: 'SelfSubjectReview' | 'SelfSubjectAccessReview';
}

const TIMEOUT_MS = 10_000;
const reviewTarget: Target = {
  kind: 'api',
  verb: 'create',
  resource: 'selfsubjectreviews',
  group: 'authentication.k8s.io',
};
const accessTarget: Target = {
  kind: 'api',
  verb: 'create',
  resource: 'selfsubjectaccessreviews',
  group: 'authorization.k8s.io',
};

function within<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new KubeTimeoutError(what, TIMEOUT_MS)), TIMEOUT_MS);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Asks the cluster who this Kube's credentials belong to: authentication.k8s.io/v1 SelfSubjectReview (GA in
 * 1.28, allowed to every authenticated user by system:basic-user). A cluster that doesn't serve it (404) or
 * forbids it (403) gets a SelfSubjectAccessReview instead, which proves the token authenticates (401 otherwise)
 * without naming the user. A rejected token throws KubeUnauthorizedError (401).
 */
export async function reviewSelf(kube: Kube): Promise<SelfReview> {
  try {
    const review = await within(
      observeApiCall('selfsubjectreviews.authentication.k8s.io.create', () =>
        kubeConfigOf(kube)
          .makeApiClient(AuthenticationV1Api)
          .createSelfSubjectReview({
            body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
          }),
      ),
      'SelfSubjectReview',
    );
    const info = review.status?.userInfo;
    if (info?.username) return { user: info.username, groups: info.groups ?? [], verifiedBy: 'SelfSubjectReview' };
  } catch (err) {
    if (!(err instanceof ApiException && (err.code === 404 || err.code === 403)))
      throw toKubeError(err, reviewTarget, kube.server);
  }
  try {
    await within(
      observeApiCall('selfsubjectaccessreviews.authorization.k8s.io.create', () =>
        kubeConfigOf(kube)
          .makeApiClient(AuthorizationV1Api)
          .createSelfSubjectAccessReview({
            body: {
              apiVersion: 'authorization.k8s.io/v1',
              kind: 'SelfSubjectAccessReview',
              spec: { resourceAttributes: { verb: 'list', resource: 'nodes' } },
            },
          }),
      ),
      'SelfSubjectAccessReview',
    );
  } catch (err) {
    throw toKubeError(err, accessTarget, kube.server);
  }
  return {
    user: '(token accepted; this cluster does not say whose it is)',
    groups: [],
    verifiedBy: 'SelfSubjectAccessReview',
  };
}

import { describe, expect, it } from 'vitest';
import { ADMIN, authorize, forbiddenMessage, mayApproveSigner, VIEWER, type Attributes } from './authz';

const res = (verb: string, apiGroup: string, resource: string, extra: Partial<Attributes> = {}): Attributes => ({
  isResourceRequest: true,
  path: '',
  verb,
  apiGroup,
  resource,
  subresource: '',
  name: '',
  namespace: '',
  ...extra,
});

describe('RBAC decisions', () => {
  it('lets the admin (system:masters) do everything', () => {
    expect(
      authorize(ADMIN, res('delete', 'certificates.k8s.io', 'certificatesigningrequests', { name: 'x' })).allowed,
    ).toBe(true);
    expect(mayApproveSigner(ADMIN, 'kubernetes.io/kubelet-serving')).toBe(true);
  });

  it('lets the viewer read nodes, node proxy, metrics, pods and CSRs', () => {
    expect(authorize(VIEWER, res('watch', '', 'nodes')).allowed).toBe(true);
    expect(authorize(VIEWER, res('get', '', 'nodes', { subresource: 'proxy', name: 'n' })).allowed).toBe(true);
    expect(authorize(VIEWER, res('list', 'metrics.k8s.io', 'pods')).allowed).toBe(true);
    expect(authorize(VIEWER, res('list', '', 'pods', { namespace: 'default' })).allowed).toBe(true);
    expect(authorize(VIEWER, res('watch', 'certificates.k8s.io', 'certificatesigningrequests')).allowed).toBe(true);
  });

  it("keeps the viewer from approving, deleting, creating or reading other namespaces' configmaps", () => {
    expect(
      authorize(VIEWER, res('update', 'certificates.k8s.io', 'certificatesigningrequests', { subresource: 'approval' }))
        .allowed,
    ).toBe(false);
    expect(authorize(VIEWER, res('delete', 'certificates.k8s.io', 'certificatesigningrequests')).allowed).toBe(false);
    expect(authorize(VIEWER, res('create', 'certificates.k8s.io', 'certificatesigningrequests')).allowed).toBe(false);
    expect(
      authorize(VIEWER, res('get', '', 'configmaps', { namespace: 'kube-system', name: 'kubelet-config' })).allowed,
    ).toBe(true);
    expect(authorize(VIEWER, res('get', '', 'configmaps', { namespace: 'default', name: 'x' })).allowed).toBe(false);
    expect(authorize(VIEWER, res('create', '', 'nodes', { subresource: 'proxy' })).allowed).toBe(false);
    expect(mayApproveSigner(VIEWER, 'kubernetes.io/kubelet-serving')).toBe(false);
  });

  it('lets every authenticated user discover the API and review itself', () => {
    expect(
      authorize(VIEWER, { ...res('get', '', ''), isResourceRequest: false, path: '/apis/certificates.k8s.io/v1' })
        .allowed,
    ).toBe(true);
    expect(authorize(VIEWER, res('create', 'authorization.k8s.io', 'selfsubjectaccessreviews')).allowed).toBe(true);
    expect(
      authorize(VIEWER, { ...res('post', '', ''), isResourceRequest: false, path: '/simctl/metrics' }).allowed,
    ).toBe(false);
  });

  it('words denials like the apiserver', () => {
    expect(
      forbiddenMessage(
        VIEWER,
        res('update', 'certificates.k8s.io', 'certificatesigningrequests', { subresource: 'approval', name: 'csr-1' }),
      ),
    ).toBe(
      'User "sim-viewer" cannot update resource "certificatesigningrequests/approval" in API group "certificates.k8s.io" at the cluster scope',
    );
    expect(forbiddenMessage(VIEWER, res('list', '', 'configmaps', { namespace: 'default' }))).toBe(
      'User "sim-viewer" cannot list resource "configmaps" in API group "" in the namespace "default"',
    );
  });
});

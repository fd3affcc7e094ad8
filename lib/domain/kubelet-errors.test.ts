import { describe, expect, it } from 'vitest';
import bodies from './fixtures/kubelet-errors/bodies.json';
import {
  isKubeletMissingEndpoint,
  kubeletForbiddenHint,
  kubeletMissingEndpointHint,
  kubeletTimeoutHint,
  parseKubeletForbidden,
} from './kubelet-errors';

describe('parseKubeletForbidden (real kubelet 403 bodies)', () => {
  it('reads the API server kubelet-client identity kubeadm uses', () => {
    expect(parseKubeletForbidden(bodies.forbiddenKubeApiserverKubeletClient.body)).toEqual({
      user: 'kube-apiserver-kubelet-client',
      verb: 'get',
      resource: 'nodes',
      subresource: 'proxy',
    });
  });
  it('reads identities of hand-made certificates (CN=kubernetes, CN=kube-apiserver)', () => {
    expect(parseKubeletForbidden(bodies.forbiddenKubernetesCn.body)?.user).toBe('kubernetes');
    expect(parseKubeletForbidden(bodies.forbiddenKubeApiserver.body)).toMatchObject({
      user: 'kube-apiserver',
      verb: 'create',
    });
  });
  it('returns undefined for other bodies', () => {
    expect(parseKubeletForbidden('Unauthorized')).toBeUndefined();
  });
});

describe('kubeletForbiddenHint', () => {
  it('names the user from the message and the kubelet webhook authorization, not the dashboard user', () => {
    const hint = kubeletForbiddenHint(parseKubeletForbidden(bodies.forbiddenKubernetesCn.body));
    expect(hint).toContain('"kubernetes"');
    expect(hint).toContain("kubelet's webhook authorization");
    expect(hint).toContain('"create nodes/proxy"');
    expect(hint).toContain('--clusterrole=system:kubelet-api-admin --user=kubernetes');
    expect(hint).not.toContain('kube-apiserver-kubelet-client');
  });
  it('falls back to describing the identity when the body names none', () => {
    expect(kubeletForbiddenHint(undefined)).toContain('--kubelet-client-certificate');
  });
});

describe('missing endpoints', () => {
  it("recognises the kubelet's own 404 and debugging-disabled 405, not the API server's Status", () => {
    expect(isKubeletMissingEndpoint(404, bodies.notFound.body)).toBe(true);
    expect(isKubeletMissingEndpoint(405, bodies.debugDisabled.body)).toBe(true);
    expect(isKubeletMissingEndpoint(404, '{"kind":"Status","message":"nodes \\"x\\" not found"}')).toBe(false);
  });
  it('says the node exists and names enableDebuggingHandlers for configz', () => {
    const hint = kubeletMissingEndpointHint('configz');
    expect(hint).toContain('node exists');
    expect(hint).toContain('enableDebuggingHandlers');
    expect(hint).not.toMatch(/check the (current )?(kube )?context/i);
  });
});

describe('kubeletTimeoutHint', () => {
  it('blames the kubelet behind the node proxy, not the API server', () => {
    const hint = kubeletTimeoutHint('n1', 4000);
    expect(hint).toContain('kubelet on node "n1" did not answer within 4000 ms');
    expect(hint).toContain('KD_KUBELET_TIMEOUT_MS');
    expect(hint).not.toMatch(/responsive API server/);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeCsrRequest } from './csr-decode';
import { reviewCsr } from './csr-checks';
import {
  DEFAULT_MAX_EXPIRATION_SECONDS,
  KUBELET_CLIENT_SIGNER,
  type ClusterFacts,
  type CsrUnderReview,
} from './csr-check-core';
import { makeRequestBase64, type RequestSpec } from '@/lib/testing/csr-requests';

const cluster: ClusterFacts = {
  nodes: [{ name: 'w2', addresses: [{ type: 'InternalIP', address: '10.0.0.12' }], createdAt: '2026-01-01T00:00:00Z' }],
  clusterDomain: 'cluster.local',
  apiServerHosts: [],
  maxExpirationSeconds: DEFAULT_MAX_EXPIRATION_SECONDS,
};

async function review(spec: Partial<RequestSpec> = {}, over: Partial<CsrUnderReview> = {}) {
  const request = await makeRequestBase64({ subject: 'CN=system:node:w9, O=system:nodes', ...spec });
  return reviewCsr(
    {
      signerName: KUBELET_CLIENT_SIGNER,
      username: 'system:bootstrap:abcdef',
      groups: ['system:bootstrappers', 'system:bootstrappers:kubeadm:default-node-token', 'system:authenticated'],
      usages: ['digital signature', 'key encipherment', 'client auth'],
      expirationSeconds: null,
      decoded: await decodeCsrRequest(request),
      ...over,
    },
    cluster,
  );
}
const failing = (v: Awaited<ReturnType<typeof review>>) => v.checks.filter((c) => !c.passed).map((c) => c.id);

describe('kube-apiserver-client-kubelet checks', () => {
  it('passes a bootstrap token request for a joining node (no Node object yet)', async () => {
    const v = await review();
    expect(failing(v)).toEqual([]);
    expect(v.nodeName).toBe('w9');
    expect(v.checks.find((c) => c.id === 'requester-allowed')?.reason).toContain('bootstrap token abcdef');
  });

  it('flags a bootstrap request for a node that is already registered (re-join or impersonation)', async () => {
    const v = await review({ subject: 'CN=system:node:w2, O=system:nodes' }, { createdAt: '2026-03-01T00:00:00Z' });
    expect(failing(v)).toEqual(['bootstrap-new-node']);
    expect(v.checks.find((c) => c.id === 'bootstrap-new-node')?.reason).toMatch(/already registered.*impersonate/);
    expect(v.bulkEligible).toBe(false);
  });

  it('passes the bootstrap request a node joined with (Node created after the request)', async () => {
    const v = await review({ subject: 'CN=system:node:w2, O=system:nodes' }, { createdAt: '2025-12-31T23:59:00Z' });
    expect(failing(v)).toEqual([]);
    expect(v.checks.find((c) => c.id === 'bootstrap-new-node')?.reason).toContain('joined with this certificate');
  });

  it('passes a renewal by the node itself', async () => {
    const v = await review(
      { subject: 'CN=system:node:w2, O=system:nodes' },
      { username: 'system:node:w2', groups: ['system:nodes', 'system:authenticated'] },
    );
    expect(failing(v)).toEqual([]);
    expect(v.checks.find((c) => c.id === 'requester-allowed')?.reason).toContain('renewal');
  });

  it('accepts the usages without key encipherment (ECDSA keys)', async () => {
    expect(failing(await review({}, { usages: ['digital signature', 'client auth'] }))).toEqual([]);
  });

  it("fails a node asking for another node's identity", async () => {
    const v = await review(
      { subject: 'CN=system:node:cp, O=system:nodes' },
      { username: 'system:node:w2', groups: ['system:nodes'] },
    );
    expect(failing(v)).toEqual(['requester-allowed']);
  });

  it('fails an ordinary user asking for a node identity', async () => {
    expect(failing(await review({}, { username: 'mallory', groups: ['system:authenticated'] }))).toEqual([
      'requester-allowed',
    ]);
  });

  it('fails a bootstrap identity outside system:bootstrappers', async () => {
    expect(failing(await review({}, { groups: ['system:authenticated'] }))).toEqual(['requester-allowed']);
  });

  it('fails a CN that is not system:node:<name>', async () => {
    expect(failing(await review({ subject: 'CN=admin, O=system:nodes' }))).toEqual(['cn-is-node']);
    expect(failing(await review({ subject: 'CN=system:node:Bad_Name, O=system:nodes' }))).toEqual(['cn-is-node']);
  });

  it('fails an O other than exactly system:nodes', async () => {
    expect(failing(await review({ subject: 'CN=system:node:w9, O=system:masters' }))).toEqual(['org-is-system-nodes']);
  });

  it('fails any SAN', async () => {
    expect(failing(await review({ sans: [{ type: 'dns', value: 'w9' }] }))).toEqual(['no-sans']);
    expect(failing(await review({ sans: [{ type: 'ip', value: '10.0.0.19' }] }))).toEqual(['no-sans']);
  });

  it('fails server auth or a missing client auth', async () => {
    expect(failing(await review({}, { usages: ['digital signature', 'client auth', 'server auth'] }))).toEqual([
      'usages',
    ]);
    expect(failing(await review({}, { usages: ['digital signature', 'key encipherment'] }))).toEqual(['usages']);
  });
});

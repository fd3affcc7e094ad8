import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCsrRequest } from './csr-decode';
import { reviewCsr } from './csr-checks';
import {
  DEFAULT_MAX_EXPIRATION_SECONDS,
  KUBELET_SERVING_SIGNER,
  type ClusterFacts,
  type CsrUnderReview,
} from './csr-check-core';
import { makeRequestBase64, makeTamperedRequestBase64, type RequestSpec } from '@/lib/testing/csr-requests';

const cluster: ClusterFacts = {
  nodes: [
    {
      name: 'w1',
      addresses: [
        { type: 'InternalIP', address: '10.0.0.11' },
        { type: 'Hostname', address: 'w1' },
        { type: 'InternalIP', address: 'fd00::11' },
      ],
    },
    {
      name: 'w2',
      addresses: [
        { type: 'InternalIP', address: '10.0.0.12' },
        { type: 'Hostname', address: 'w2' },
        { type: 'InternalDNS', address: 'w2.corp.example' },
      ],
    },
    {
      name: 'cp',
      addresses: [
        { type: 'InternalIP', address: '10.0.0.2' },
        { type: 'Hostname', address: 'cp' },
      ],
    },
  ],
  clusterDomain: 'cluster.local',
  apiServerHosts: ['10.0.0.2', '10.96.0.1', 'api.corp.example'],
  maxExpirationSeconds: DEFAULT_MAX_EXPIRATION_SECONDS,
};

const goodSpec: RequestSpec = {
  subject: 'CN=system:node:w1, O=system:nodes',
  sans: [
    { type: 'dns', value: 'w1' },
    { type: 'ip', value: '10.0.0.11' },
  ],
};

async function review(spec: Partial<RequestSpec> = {}, over: Partial<CsrUnderReview> = {}) {
  const request = await makeRequestBase64({ ...goodSpec, ...spec });
  return reviewCsr(
    {
      signerName: KUBELET_SERVING_SIGNER,
      username: 'system:node:w1',
      groups: ['system:nodes', 'system:authenticated'],
      usages: ['digital signature', 'key encipherment', 'server auth'],
      expirationSeconds: null,
      decoded: await decodeCsrRequest(request),
      ...over,
    },
    cluster,
  );
}

const failing = (v: Awaited<ReturnType<typeof review>>) => v.checks.filter((c) => !c.passed).map((c) => c.id);
const reasonOf = (v: Awaited<ReturnType<typeof review>>, id: string) => v.checks.find((c) => c.id === id)?.reason;

describe('kubelet-serving checks', () => {
  let good: Awaited<ReturnType<typeof review>>;
  beforeAll(async () => {
    good = await review();
  });

  it('passes a serving request from the node for its own addresses', () => {
    expect(failing(good)).toEqual([]);
    expect(good.allPassed).toBe(true);
    expect(good.bulkEligible).toBe(true);
    expect(good.family).toBe('kubelet-serving');
    expect(good.nodeName).toBe('w1');
  });

  it('lists every check, pass or fail, each with a reason', () => {
    const ids = good.checks.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'requester-is-node',
        'requester-in-nodes-group',
        'cn-matches-requester',
        'org-is-system-nodes',
        'node-exists',
        'no-wildcard',
        'sans-match-node',
        'no-in-cluster-names',
        'no-email-uri-sans',
        'usages',
        'request-decodes',
        'signature-valid',
        'key',
        'expiration',
      ]),
    );
    for (const c of good.checks) expect(c.reason.length).toBeGreaterThan(0);
  });

  it('fails a requester that is not a node', async () => {
    const v = await review({}, { username: 'alice' });
    expect(failing(v)).toEqual(expect.arrayContaining(['requester-is-node', 'cn-matches-requester', 'node-exists']));
    expect(v.bulkEligible).toBe(false);
  });

  it('fails a requester outside system:nodes', async () => {
    expect(failing(await review({}, { groups: ['system:authenticated'] }))).toEqual(['requester-in-nodes-group']);
  });

  it('fails a CN that is not the requester', async () => {
    const v = await review({ subject: 'CN=system:node:cp, O=system:nodes' });
    expect(failing(v)).toEqual(['cn-matches-requester']);
    expect(reasonOf(v, 'cn-matches-requester')).toContain('system:node:cp');
  });

  it('fails an O other than exactly system:nodes', async () => {
    expect(failing(await review({ subject: 'CN=system:node:w1, O=system:masters' }))).toEqual(['org-is-system-nodes']);
    expect(failing(await review({ subject: 'CN=system:node:w1, O=system:nodes, O=system:masters' }))).toEqual([
      'org-is-system-nodes',
    ]);
    expect(failing(await review({ subject: 'CN=system:node:w1' }))).toEqual(['org-is-system-nodes']);
  });

  it('fails a node that does not exist', async () => {
    const v = await review(
      { subject: 'CN=system:node:ghost, O=system:nodes', sans: [{ type: 'dns', value: 'ghost' }] },
      { username: 'system:node:ghost' },
    );
    expect(failing(v)).toEqual(['node-exists', 'sans-match-node']);
  });

  it('fails an IP SAN of another node and names that node', async () => {
    const v = await review({
      sans: [
        { type: 'dns', value: 'w1' },
        { type: 'ip', value: '10.0.0.11' },
        { type: 'ip', value: '10.0.0.12' },
      ],
    });
    expect(failing(v)).toEqual(['sans-match-node']);
    expect(reasonOf(v, 'sans-match-node')).toContain('10.0.0.12 belongs to node w2');
  });

  it('fails a DNS SAN of another node', async () => {
    const v = await review({ sans: [{ type: 'dns', value: 'W2.corp.example.' }] });
    expect(reasonOf(v, 'sans-match-node')).toContain('belongs to node w2');
  });

  it('fails an outside DNS name', async () => {
    const v = await review({
      sans: [
        { type: 'dns', value: 'w1' },
        { type: 'dns', value: 'api.attacker.example' },
      ],
    });
    expect(failing(v)).toEqual(['sans-match-node']);
    expect(reasonOf(v, 'sans-match-node')).toContain('api.attacker.example is not an address of w1');
  });

  it('fails a wildcard', async () => {
    const v = await review({ sans: [{ type: 'dns', value: '*.corp.example' }] });
    expect(failing(v)).toEqual(['no-wildcard', 'sans-match-node']);
  });

  it('fails a request without DNS or IP SANs', async () => {
    const v = await review({ sans: [] });
    expect(failing(v)).toEqual(['sans-match-node']);
  });

  it.each([
    ['kubernetes'],
    ['kubernetes.default'],
    ['kubernetes.default.svc'],
    ['metrics.kube-system.svc'],
    ['kubernetes.default.svc.cluster.local'],
    ['evil.cluster.local'],
    ['api.corp.example'],
  ])('fails the in-cluster or API server name %s', async (name) => {
    const v = await review({
      sans: [
        { type: 'dns', value: 'w1' },
        { type: 'dns', value: name },
      ],
    });
    expect(failing(v)).toContain('no-in-cluster-names');
  });

  it('uses the cluster domain it is given', async () => {
    const request = await makeRequestBase64({ ...goodSpec, sans: [{ type: 'dns', value: 'x.corp.internal' }] });
    const v = reviewCsr(
      {
        signerName: KUBELET_SERVING_SIGNER,
        username: 'system:node:w1',
        groups: ['system:nodes'],
        usages: ['server auth'],
        expirationSeconds: null,
        decoded: await decodeCsrRequest(request),
      },
      { ...cluster, clusterDomain: 'corp.internal' },
    );
    expect(v.checks.find((c) => c.id === 'no-in-cluster-names')?.reason).toContain('cluster domain corp.internal');
  });

  it("fails the API server's ClusterIP", async () => {
    const v = await review({
      sans: [
        { type: 'ip', value: '10.0.0.11' },
        { type: 'ip', value: '10.96.0.1' },
      ],
    });
    expect(failing(v)).toEqual(['sans-match-node', 'no-in-cluster-names']);
  });

  it("allows a control-plane node's own address that the API server also uses, and says so", async () => {
    const v = await review(
      {
        subject: 'CN=system:node:cp, O=system:nodes',
        sans: [
          { type: 'dns', value: 'cp' },
          { type: 'ip', value: '10.0.0.2' },
        ],
      },
      { username: 'system:node:cp' },
    );
    expect(failing(v)).toEqual([]);
    expect(reasonOf(v, 'no-in-cluster-names')).toContain('control-plane');
  });

  it('matches IPv6 SANs whatever their spelling', async () => {
    const v = await review({ sans: [{ type: 'ip', value: 'fd00:0:0:0:0:0:0:11' }] });
    expect(failing(v)).toEqual([]);
  });

  it('fails email and URI SANs', async () => {
    const v = await review({
      sans: [
        { type: 'dns', value: 'w1' },
        { type: 'email', value: 'root@w1' },
        { type: 'url', value: 'spiffe://cluster/ns/x' },
      ],
    });
    expect(failing(v)).toEqual(['no-email-uri-sans']);
  });

  it('fails client auth on the serving signer, and a missing server auth', async () => {
    expect(
      failing(await review({}, { usages: ['digital signature', 'key encipherment', 'server auth', 'client auth'] })),
    ).toEqual(['usages']);
    expect(failing(await review({}, { usages: ['digital signature', 'key encipherment'] }))).toEqual(['usages']);
    expect(failing(await review({}, { usages: ['server auth'] }))).toEqual([]);
  });

  it('bounds expirationSeconds', async () => {
    expect(failing(await review({}, { expirationSeconds: 86_400 }))).toEqual([]);
    expect(failing(await review({}, { expirationSeconds: 599 }))).toEqual(['expiration']);
    expect(failing(await review({}, { expirationSeconds: 10 * 365 * 86_400 }))).toEqual(['expiration']);
  });

  it('accepts P-256, P-384, RSA 2048 and Ed25519 keys and refuses RSA 1024', async () => {
    for (const key of ['p384', 'rsa2048', 'ed25519'] as const) expect(failing(await review({ key }))).toEqual([]);
    const weak = await review({ key: 'rsa1024' });
    expect(failing(weak)).toEqual(['key']);
    expect(reasonOf(weak, 'key')).toContain('1024');
  });

  it('fails a request whose signature does not verify', async () => {
    const request = await makeTamperedRequestBase64(goodSpec);
    const decoded = await decodeCsrRequest(request);
    const v = reviewCsr(
      {
        signerName: KUBELET_SERVING_SIGNER,
        username: 'system:node:w1',
        groups: ['system:nodes'],
        usages: ['server auth'],
        expirationSeconds: null,
        decoded,
      },
      cluster,
    );
    expect(failing(v)).toEqual(['signature-valid']);
  });

  it('fails every request-dependent check when spec.request is not PKCS#10', async () => {
    const decoded = await decodeCsrRequest(
      btoa('-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n'),
    );
    expect(decoded.ok).toBe(false);
    const v = reviewCsr(
      {
        signerName: KUBELET_SERVING_SIGNER,
        username: 'system:node:w1',
        groups: ['system:nodes'],
        usages: ['server auth'],
        expirationSeconds: null,
        decoded,
      },
      cluster,
    );
    expect(failing(v)).toEqual(
      expect.arrayContaining(['request-decodes', 'signature-valid', 'key', 'cn-matches-requester', 'sans-match-node']),
    );
    expect(v.allPassed).toBe(false);
  });
});

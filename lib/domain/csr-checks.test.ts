import { describe, expect, it } from 'vitest';
import { decodeCsrRequest, decodeIssuedCertificate } from './csr-decode';
import { reviewCsr } from './csr-checks';
import { DEFAULT_MAX_EXPIRATION_SECONDS, signerFamily } from './csr-check-core';
import { canonicalIp, inClusterDnsReason } from './csr-addresses';
import { makeCertificateBase64, makeRequestBase64 } from '@/lib/testing/csr-requests';

const cluster = {
  nodes: [],
  clusterDomain: 'cluster.local',
  apiServerHosts: [],
  maxExpirationSeconds: DEFAULT_MAX_EXPIRATION_SECONDS,
};

describe('other signers', () => {
  it('shows the common checks and asks for an extra confirmation, never bulk', async () => {
    const request = await makeRequestBase64({
      subject: 'CN=payments, O=example',
      sans: [{ type: 'dns', value: 'payments.example.com' }],
    });
    const v = reviewCsr(
      {
        signerName: 'example.com/mtls',
        username: 'alice',
        groups: ['system:authenticated'],
        usages: ['client auth'],
        expirationSeconds: 3600,
        decoded: await decodeCsrRequest(request),
      },
      cluster,
    );
    expect(v.family).toBe('other');
    expect(v.checks.map((c) => c.id)).toEqual(['request-decodes', 'signature-valid', 'key', 'expiration']);
    expect(v.allPassed).toBe(true);
    expect(v.needsExtraConfirmation).toBe(true);
    expect(v.bulkEligible).toBe(false);
  });

  it('classifies signers', () => {
    expect(signerFamily('kubernetes.io/kubelet-serving')).toBe('kubelet-serving');
    expect(signerFamily('kubernetes.io/kube-apiserver-client-kubelet')).toBe('kubelet-client');
    expect(signerFamily('kubernetes.io/kube-apiserver-client')).toBe('other');
  });
});

describe('decoding', () => {
  it('decodes subject, SANs, key and signature', async () => {
    const d = await decodeCsrRequest(
      await makeRequestBase64({
        subject: 'CN=system:node:w1, O=system:nodes',
        sans: [
          { type: 'dns', value: 'w1' },
          { type: 'ip', value: '10.0.0.1' },
          { type: 'email', value: 'a@b.c' },
          { type: 'url', value: 'spiffe://x/y' },
        ],
      }),
    );
    expect(d.ok && d.request).toMatchObject({
      commonName: 'system:node:w1',
      organizations: ['system:nodes'],
      dnsNames: ['w1'],
      ipAddresses: ['10.0.0.1'],
      emailAddresses: ['a@b.c'],
      uris: ['spiffe://x/y'],
      keyAlgorithm: 'ECDSA',
      curve: 'P-256',
      signatureValid: true,
    });
  });

  it('reports RSA key size', async () => {
    const d = await decodeCsrRequest(await makeRequestBase64({ subject: 'CN=x', key: 'rsa2048' }));
    expect(d.ok && d.request.keySizeBits).toBe(2048);
  });

  it('never throws on garbage', async () => {
    expect((await decodeCsrRequest('%%%not base64')).ok).toBe(false);
    expect((await decodeCsrRequest(btoa('hello'))).ok).toBe(false);
    expect((await decodeCsrRequest('')).ok).toBe(false);
    expect(decodeIssuedCertificate(btoa('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).ok).toBe(
      false,
    );
  });

  it('decodes an issued certificate', async () => {
    const b64 = await makeCertificateBase64(
      'CN=kubernetes',
      '0a1b2c',
      new Date('2026-01-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    );
    const c = decodeIssuedCertificate(b64);
    expect(c.ok && c.certificate).toMatchObject({
      issuer: 'CN=kubernetes',
      serialNumber: '0a1b2c',
      notBefore: '2026-01-01T00:00:00.000Z',
      notAfter: '2027-01-01T00:00:00.000Z',
    });
  });
});

describe('addresses', () => {
  it('canonicalises IPs', () => {
    expect(canonicalIp('10.0.0.1')).toBe('10.0.0.1');
    expect(canonicalIp('010.0.0.1')).toBe('10.0.0.1');
    expect(canonicalIp('256.0.0.1')).toBeNull();
    expect(canonicalIp('FD00::1')).toBe('fd00:0:0:0:0:0:0:1');
    expect(canonicalIp('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(canonicalIp('1::2::3')).toBeNull();
    expect(canonicalIp('w1')).toBeNull();
  });

  it('spots in-cluster names', () => {
    expect(inClusterDnsReason('kubernetes.default.svc', 'cluster.local')).not.toBeNull();
    expect(inClusterDnsReason('x.y.svc.cluster.local', 'cluster.local')).not.toBeNull();
    expect(inClusterDnsReason('w1.corp.example', 'cluster.local')).toBeNull();
  });
});

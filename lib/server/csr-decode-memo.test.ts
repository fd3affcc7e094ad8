import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as decode from '@/lib/domain/csr-decode';
import { makeCertificateBase64, makeRequestBase64, makeTamperedRequestBase64 } from '@/lib/testing/csr-requests';
import {
  clearCsrDecodeMemoForTests,
  CSR_DECODE_MEMO_MAX,
  csrDecodeMemoSize,
  decodeCsrRequestOnce,
  decodeIssuedCertificateOnce,
} from './csr-decode-memo';

vi.mock('@/lib/domain/csr-decode', async (original) => {
  const real = await original<typeof import('@/lib/domain/csr-decode')>();
  return {
    ...real,
    decodeCsrRequest: vi.fn(real.decodeCsrRequest),
    decodeIssuedCertificate: vi.fn(real.decodeIssuedCertificate),
  };
});

const decodeRequest = vi.mocked(decode.decodeCsrRequest);
const decodeCertificate = vi.mocked(decode.decodeIssuedCertificate);

beforeEach(() => {
  clearCsrDecodeMemoForTests();
  decodeRequest.mockClear();
  decodeCertificate.mockClear();
});

describe('decodeCsrRequestOnce', () => {
  it('decodes a request once and answers the same result after', async () => {
    const b64 = await makeRequestBase64({
      subject: 'CN=system:node:w1, O=system:nodes',
      sans: [{ type: 'dns', value: 'w1' }],
    });
    const first = await decodeCsrRequestOnce(b64);
    const second = await decodeCsrRequestOnce(b64);
    expect(first.ok && first.request).toMatchObject({
      commonName: 'system:node:w1',
      dnsNames: ['w1'],
      signatureValid: true,
    });
    expect(second).toBe(first);
    expect(decodeRequest).toHaveBeenCalledTimes(1);
  });

  it('joins a decode already running instead of starting a second one', async () => {
    const b64 = await makeRequestBase64({ subject: 'CN=system:node:w2, O=system:nodes' });
    const [a, b] = await Promise.all([decodeCsrRequestOnce(b64), decodeCsrRequestOnce(b64)]);
    expect(b).toBe(a);
    expect(decodeRequest).toHaveBeenCalledTimes(1);
  });

  it('keeps apart requests that differ in one byte of the signature', async () => {
    const spec = { subject: 'CN=system:node:w3, O=system:nodes' };
    const good = await decodeCsrRequestOnce(await makeRequestBase64(spec));
    const tampered = await decodeCsrRequestOnce(await makeTamperedRequestBase64(spec));
    expect(good.ok && good.request.signatureValid).toBe(true);
    expect(tampered.ok && tampered.request.signatureValid).toBe(false);
    expect(decodeRequest).toHaveBeenCalledTimes(2);
  });

  it('remembers a request that does not decode, with its reason', async () => {
    const hostile = btoa('-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n');
    const first = await decodeCsrRequestOnce(hostile);
    expect(first).toMatchObject({ ok: false, error: expect.stringContaining('not valid PKCS#10') });
    expect(await decodeCsrRequestOnce(hostile)).toBe(first);
    expect(decodeRequest).toHaveBeenCalledTimes(1);
  });

  it('hands out frozen results: a caller cannot change what the next one is shown', async () => {
    const r = await decodeCsrRequestOnce(
      await makeRequestBase64({ subject: 'CN=system:node:w4, O=system:nodes', sans: [{ type: 'dns', value: 'w4' }] }),
    );
    if (!r.ok) throw new Error('expected a decoded request');
    expect(() => r.request.dnsNames.push('evil.example')).toThrow(TypeError);
    expect(() => Object.assign(r.request, { signatureValid: false })).toThrow(TypeError);
  });

  it('holds at most its bound of entries, dropping the least recently used', async () => {
    for (let i = 0; i < CSR_DECODE_MEMO_MAX + 50; i++) await decodeCsrRequestOnce(btoa(`not a request ${i}`));
    expect(csrDecodeMemoSize()).toBe(CSR_DECODE_MEMO_MAX);
    decodeRequest.mockClear();
    await decodeCsrRequestOnce(btoa('not a request 0')); // the oldest: dropped, so decoded again
    await decodeCsrRequestOnce(btoa(`not a request ${CSR_DECODE_MEMO_MAX + 49}`)); // the newest: kept
    expect(decodeRequest).toHaveBeenCalledTimes(1);
  });
});

describe('decodeIssuedCertificateOnce', () => {
  it('decodes a certificate once, apart from a request with the same text', async () => {
    const b64 = await makeCertificateBase64(
      'CN=system:node:w5',
      '0a1b2c',
      new Date('2026-01-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    );
    const first = decodeIssuedCertificateOnce(b64);
    expect(first.ok && first.certificate).toMatchObject({
      serialNumber: '0a1b2c',
      notAfter: '2027-01-01T00:00:00.000Z',
    });
    expect(decodeIssuedCertificateOnce(b64)).toBe(first);
    expect(decodeCertificate).toHaveBeenCalledTimes(1);
    // the same text asked for as a request is a different question: not answered from the certificate's entry
    expect((await decodeCsrRequestOnce(b64)).ok).toBe(false);
    expect(decodeRequest).toHaveBeenCalledTimes(1);
  });
});

/** Test helpers: HTTPS requests to a running sim (trusting its CA) and a throwaway PKCS#10 request. */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { request } from 'node:https';
import * as x509 from '@peculiar/x509';
import type { SimHandle } from '../serve';

export interface SimResponse {
  status: number;
  contentType: string;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

export function call(
  sim: Pick<SimHandle, 'url' | 'caPem'>,
  method: string,
  path: string,
  opts: { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<SimResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const payload = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, sim.url), { method, headers, ca: sim.caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          text,
          json: <T>() => JSON.parse(text) as T,
        });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** A real PKCS#10 request (base64 of its PEM, as spec.request carries it). */
async function makeCsrRequest(cn: string, dns: string[], ips: string[]): Promise<string> {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: `O=system:nodes, CN=${cn}`,
    keys,
    signingAlgorithm: alg,
    extensions: [
      new x509.SubjectAlternativeNameExtension([
        ...dns.map((value) => ({ type: 'dns' as const, value })),
        ...ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
    ],
  });
  return Buffer.from(csr.toString('pem')).toString('base64');
}

export async function csrManifest(
  name: string,
  signerName = 'kubernetes.io/kubelet-serving',
): Promise<Record<string, unknown>> {
  return {
    apiVersion: 'certificates.k8s.io/v1',
    kind: 'CertificateSigningRequest',
    metadata: { name },
    spec: {
      request: await makeCsrRequest('system:node:k8s-worker-1', ['k8s-worker-1'], ['10.0.0.11']),
      signerName,
      usages: ['digital signature', 'key encipherment', 'server auth'],
    },
  };
}

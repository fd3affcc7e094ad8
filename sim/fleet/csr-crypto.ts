import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** Kubelets generate ECDSA P-256 keys (k8s.io/client-go/util/certificate). */
const EC: EcKeyGenParams & EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
/** kubeadm's cluster CA default: RSA 2048, CN=kubernetes, 10 years. */
const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

export type KeyPair = CryptoKeyPair;

export function generateKubeletKey(): Promise<KeyPair> {
  return webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']) as Promise<KeyPair>;
}

export interface ClusterCa {
  cert: x509.X509Certificate;
  keys: KeyPair;
}

export async function generateClusterCa(notBefore: Date): Promise<ClusterCa> {
  const keys = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as KeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=kubernetes',
    notBefore,
    notAfter: new Date(notBefore.getTime() + 10 * 365 * 86400000),
    keys,
    signingAlgorithm: RSA,
    extensions: [
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.keyCertSign,
        true,
      ),
      new x509.BasicConstraintsExtension(true, undefined, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'kubernetes' }]),
    ],
  });
  return { cert, keys };
}

export interface CsrContent {
  /** e.g. "CN=system:node:k8s-worker-1, O=system:nodes" */
  subject: string;
  dns?: string[];
  ips?: string[];
}

function sanExtension(c: CsrContent): x509.Extension[] {
  const names: x509.JsonGeneralName[] = [
    ...(c.dns ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(c.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  return names.length ? [new x509.SubjectAlternativeNameExtension(names)] : [];
}

/** A real PKCS#10 request as a kubelet sends it, PEM-encoded. */
export async function createCsrPem(c: CsrContent, keys: KeyPair): Promise<string> {
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: c.subject,
    keys,
    signingAlgorithm: EC,
    extensions: sanExtension(c),
  });
  return csr.toString('pem');
}

/**
 * Sign a request like kube-controller-manager's csrsigning controller: subject and SANs copied, usages
 * turned into key usage / extended key usage, notBefore backdated 5 minutes.
 */
export async function signCsr(
  ca: ClusterCa,
  csrPem: string,
  usages: readonly string[],
  issuedAt: Date,
  lifetimeSeconds: number,
  serial: string,
): Promise<string> {
  const csr = new x509.Pkcs10CertificateRequest(csrPem);
  const eku = usages.flatMap((u) =>
    u === 'server auth'
      ? [x509.ExtendedKeyUsage.serverAuth]
      : u === 'client auth'
        ? [x509.ExtendedKeyUsage.clientAuth]
        : [],
  );
  const ku = usages.reduce(
    (f, u) =>
      f |
      (u === 'digital signature'
        ? x509.KeyUsageFlags.digitalSignature
        : u === 'key encipherment'
          ? x509.KeyUsageFlags.keyEncipherment
          : 0),
    0,
  );
  // Pkcs10CertificateRequest.getExtension only takes an OID; 2.5.29.17 = subjectAltName
  const sanRaw = csr.getExtension('2.5.29.17');
  const san = sanRaw ? new x509.SubjectAlternativeNameExtension(sanRaw.rawData) : undefined;
  const notBefore = new Date(issuedAt.getTime() - 5 * 60000);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject: csr.subjectName,
    issuer: ca.cert.subjectName,
    notBefore,
    notAfter: new Date(notBefore.getTime() + lifetimeSeconds * 1000),
    publicKey: csr.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: RSA,
    extensions: [
      new x509.KeyUsagesExtension(ku, true),
      new x509.ExtendedKeyUsageExtension(eku),
      new x509.BasicConstraintsExtension(false, undefined, true),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
      ...(san ? [new x509.SubjectAlternativeNameExtension(san.names.toJSON())] : []),
    ],
  });
  return cert.toString('pem');
}

export function base64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

/**
 * A PEM-looking CERTIFICATE REQUEST block whose body is not DER: starts like a SEQUENCE but the declared
 * length runs past the end, so any PKCS#10 parser rejects it.
 */
export function invalidCsrPem(): string {
  const body = Buffer.concat([
    Buffer.from([0x30, 0x82, 0x04, 0x00, 0x30, 0x82]),
    Buffer.from('kubelet-serving request body truncated in transit', 'utf8'),
  ]);
  const b64 = body.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE REQUEST-----\n${b64}\n-----END CERTIFICATE REQUEST-----\n`;
}

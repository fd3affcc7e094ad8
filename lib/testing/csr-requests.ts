import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

/**
 * Test helper: real PKCS#10 requests generated with @peculiar/x509, base64-encoded as `spec.request` carries them.
 * Key pairs are cached per algorithm so a test file generates each kind once.
 */
type KeyKind = 'p256' | 'p384' | 'rsa2048' | 'rsa1024' | 'ed25519';

const ALGS: Record<KeyKind, RsaHashedKeyGenParams | EcKeyGenParams | Algorithm> = {
  p256: { name: 'ECDSA', namedCurve: 'P-256' } as EcKeyGenParams,
  p384: { name: 'ECDSA', namedCurve: 'P-384' } as EcKeyGenParams,
  rsa2048: {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 2048,
  },
  rsa1024: {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 1024,
  },
  ed25519: { name: 'Ed25519' },
};

const keyCache = new Map<KeyKind, Promise<CryptoKeyPair>>();
function keysFor(kind: KeyKind): Promise<CryptoKeyPair> {
  let p = keyCache.get(kind);
  if (!p) {
    p = crypto.subtle.generateKey(ALGS[kind], true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
    keyCache.set(kind, p);
  }
  return p;
}

export interface RequestSpec {
  /** RFC 4514-ish subject, e.g. "CN=system:node:w1, O=system:nodes" */
  subject: string;
  sans?: x509.JsonGeneralNames;
  key?: KeyKind;
}

async function makeRequestPem(spec: RequestSpec): Promise<string> {
  const kind = spec.key ?? 'p256';
  const alg = ALGS[kind];
  const signingAlgorithm = alg.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : alg;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: spec.subject,
    keys: await keysFor(kind),
    signingAlgorithm,
    extensions: spec.sans?.length ? [new x509.SubjectAlternativeNameExtension(spec.sans)] : [],
  });
  return csr.toString('pem');
}

/** base64 of the PEM text, as the JSON of a CertificateSigningRequest carries spec.request. */
export async function makeRequestBase64(spec: RequestSpec): Promise<string> {
  return btoa(await makeRequestPem(spec));
}

/** A request whose signature no longer matches its contents: one byte of the signature flipped. */
export async function makeTamperedRequestBase64(spec: RequestSpec): Promise<string> {
  const pem = await makeRequestPem(spec);
  const csr = new x509.Pkcs10CertificateRequest(pem);
  const der = new Uint8Array(csr.rawData);
  der[der.length - 3] = (der[der.length - 3] ?? 0) ^ 0xff; // inside the signature BIT STRING, not the structure
  const b64 = btoa(String.fromCharCode(...der));
  const body = b64.match(/.{1,64}/g)?.join('\n') ?? b64;
  return btoa(`-----BEGIN CERTIFICATE REQUEST-----\n${body}\n-----END CERTIFICATE REQUEST-----\n`);
}

/** A self-signed certificate as status.certificate carries it (base64 of PEM). */
export async function makeCertificateBase64(
  subject: string,
  serialHex: string,
  notBefore: Date,
  notAfter: Date,
): Promise<string> {
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialHex,
    name: subject,
    notBefore,
    notAfter,
    keys: await keysFor('p256'),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
  });
  return btoa(cert.toString('pem'));
}

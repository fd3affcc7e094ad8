import 'reflect-metadata'; // @peculiar/x509 resolves its ASN.1 services through tsyringe, which needs the Reflect API
import * as x509 from '@peculiar/x509';

// WebCrypto is global on Node 20 and in browsers; verifying the PKCS#10 self-signature needs it.
x509.cryptoProvider.set(globalThis.crypto);

/** A PKCS#10 request as plain data: what the reviewer needs to see and what the checks judge. */
export interface DecodedRequest {
  /** RFC 4514 string of the whole subject */
  subject: string;
  /** null when the subject has no CN; a request with several CNs is reported by `commonNames` */
  commonName: string | null;
  commonNames: string[];
  organizations: string[];
  dnsNames: string[];
  ipAddresses: string[];
  emailAddresses: string[];
  uris: string[];
  /** SANs of any other kind (directory name, UPN, GUID, registered ID), as `type:value` */
  otherSans: string[];
  /** WebCrypto name: RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA, Ed25519… */
  keyAlgorithm: string;
  /** RSA modulus length in bits; null for other key types */
  keySizeBits: number | null;
  /** EC named curve (P-256…); null for other key types */
  curve: string | null;
  signatureAlgorithm: string;
  /** the request's self-signature verifies with its own public key (proof of possession) */
  signatureValid: boolean;
}

export type DecodeResult = { ok: true; request: DecodedRequest } | { ok: false; error: string };

interface DecodedCertificate {
  subject: string;
  issuer: string;
  /** hexadecimal, as `openssl x509 -serial` prints it */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  dnsNames: string[];
  ipAddresses: string[];
}

export type CertificateDecodeResult = { ok: true; certificate: DecodedCertificate } | { ok: false; error: string };

/** Largest spec.request/status.certificate we parse; kubelet requests are ~1 KiB, so this only stops abuse. */
const MAX_PEM_BYTES = 64 * 1024;

/**
 * `spec.request` and `status.certificate` are Go `[]byte`, so the JSON carries base64 of the PEM text
 * (certificates.k8s.io/v1 API reference). Returns the PEM text, or null when it isn't base64 of PEM.
 */
function pemFromBase64(b64: string, label: string): string | null {
  if (b64.length > (MAX_PEM_BYTES * 4) / 3 + 4) return null;
  let text: string;
  try {
    text = atob(b64.replace(/\s+/g, '')); // PEM is ASCII, so the binary string atob returns is the text
  } catch {
    return null;
  }
  return text.includes(`-----BEGIN ${label}-----`) ? text : null;
}

function algorithmName(alg: Algorithm | { name: string; hash?: { name: string } | string }): string {
  const hash = 'hash' in alg && alg.hash ? (typeof alg.hash === 'string' ? alg.hash : alg.hash.name) : null;
  return hash ? `${alg.name} with ${hash}` : alg.name;
}

function splitSans(names: readonly x509.GeneralName[]) {
  const sans = {
    dnsNames: [] as string[],
    ipAddresses: [] as string[],
    emailAddresses: [] as string[],
    uris: [] as string[],
    otherSans: [] as string[],
  };
  for (const n of names) {
    if (n.type === 'dns') sans.dnsNames.push(n.value);
    else if (n.type === 'ip') sans.ipAddresses.push(n.value);
    else if (n.type === 'email') sans.emailAddresses.push(n.value);
    else if (n.type === 'url') sans.uris.push(n.value);
    else sans.otherSans.push(`${n.type}:${n.value}`);
  }
  return sans;
}

function sanNames(extensions: readonly x509.Extension[]): x509.GeneralName[] {
  return extensions.flatMap((e) => (e instanceof x509.SubjectAlternativeNameExtension ? [...e.names.items] : []));
}

/**
 * Decodes a CSR's `spec.request` (base64 of a PEM `CERTIFICATE REQUEST`) with @peculiar/x509 and verifies
 * its self-signature. Never throws: a request that isn't valid PKCS#10 is `{ ok: false }` with the parser's reason,
 * which the checks turn into a failing "request decodes" check (a hostile request must not crash the page).
 */
export async function decodeCsrRequest(requestBase64: string): Promise<DecodeResult> {
  const pem = pemFromBase64(requestBase64, 'CERTIFICATE REQUEST');
  if (!pem) return { ok: false, error: 'spec.request is not a PEM-encoded CERTIFICATE REQUEST' };
  try {
    const csr = new x509.Pkcs10CertificateRequest(pem);
    const key = csr.publicKey.algorithm as Algorithm & { modulusLength?: number; namedCurve?: string };
    let signatureValid = false;
    try {
      signatureValid = await csr.verify();
    } catch {
      signatureValid = false; // unsupported or malformed signature: treated as not verifying
    }
    return {
      ok: true,
      request: {
        subject: csr.subject,
        commonName: csr.subjectName.getField('CN')[0] ?? null,
        commonNames: csr.subjectName.getField('CN'),
        organizations: csr.subjectName.getField('O'),
        ...splitSans(sanNames(csr.extensions)),
        keyAlgorithm: key.name,
        keySizeBits: typeof key.modulusLength === 'number' ? key.modulusLength : null,
        curve: typeof key.namedCurve === 'string' ? key.namedCurve : null,
        signatureAlgorithm: algorithmName(csr.signatureAlgorithm),
        signatureValid,
      },
    };
  } catch (err) {
    return { ok: false, error: `not valid PKCS#10: ${err instanceof Error ? err.message : 'unparseable'}` };
  }
}

/**
 * Decodes `status.certificate` (base64 of one or more PEM certificates; the first is the leaf the signer issued).
 * Never throws: a malformed certificate is reported, not fatal.
 */
export function decodeIssuedCertificate(certificateBase64: string): CertificateDecodeResult {
  const pem = pemFromBase64(certificateBase64, 'CERTIFICATE');
  if (!pem) return { ok: false, error: 'status.certificate is not a PEM-encoded CERTIFICATE' };
  try {
    const first = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0] ?? pem;
    const cert = new x509.X509Certificate(first);
    const sans = splitSans(sanNames(cert.extensions));
    return {
      ok: true,
      certificate: {
        subject: cert.subject,
        issuer: cert.issuer,
        serialNumber: cert.serialNumber,
        notBefore: cert.notBefore.toISOString(),
        notAfter: cert.notAfter.toISOString(),
        dnsNames: sans.dnsNames,
        ipAddresses: sans.ipAddresses,
      },
    };
  } catch (err) {
    return { ok: false, error: `not a valid X.509 certificate: ${err instanceof Error ? err.message : 'unparseable'}` };
  }
}

/**
 * A throwaway CA and the apiserver's serving certificate, made with @peculiar/x509 over WebCrypto, and
 * the CA's signer for approved CSRs (what kube-controller-manager's csrsigning controller does).
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY_MS = 86_400_000;

export interface CertAuthority {
  caPem: string;
  /** serving certificate (SANs 127.0.0.1, localhost) and key for node:https */
  servingCertPem: string;
  servingKeyPem: string;
  /** Issues a certificate for a PKCS#10 request; usages are Kubernetes KeyUsage strings. */
  sign(csrPem: string, usages: string[], validSeconds: number): Promise<string>;
  /** everything to restore this authority in a later run (sim/server/state-dir.ts) */
  saved: SavedAuthority;
}

const serial = () =>
  webcrypto
    .getRandomValues(new Uint8Array(16))
    .reduce((s, b) => s + b.toString(16).padStart(2, '0'), '')
    .replace(/^[89a-f]/, '1');

async function keyPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key as webcrypto.CryptoKey), 'PRIVATE KEY');
}

const KEY_USAGE_BITS: Record<string, number> = {
  'digital signature': x509.KeyUsageFlags.digitalSignature,
  'key encipherment': x509.KeyUsageFlags.keyEncipherment,
  'content commitment': x509.KeyUsageFlags.nonRepudiation,
  'key agreement': x509.KeyUsageFlags.keyAgreement,
  'data encipherment': x509.KeyUsageFlags.dataEncipherment,
  'cert sign': x509.KeyUsageFlags.keyCertSign,
  'crl sign': x509.KeyUsageFlags.cRLSign,
};
const EXT_USAGES: Record<string, string> = {
  'server auth': x509.ExtendedKeyUsage.serverAuth,
  'client auth': x509.ExtendedKeyUsage.clientAuth,
};

/** What a restarted sim needs to be the same cluster to its clients: the CA (with its key) and the serving pair. */
export interface SavedAuthority {
  caCertPem: string;
  caKeyPem: string;
  servingCertPem: string;
  servingKeyPem: string;
}

async function newCa(now: Date): Promise<{ ca: x509.X509Certificate; caKey: CryptoKey }> {
  const caKeys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=sim-kubernetes-ca',
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + 3650 * DAY_MS),
    keys: caKeys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  return { ca, caKey: caKeys.privateKey };
}

async function importKey(pem: string): Promise<CryptoKey> {
  const [der] = x509.PemConverter.decode(pem);
  if (!der) throw new Error('no key in PEM');
  return (await webcrypto.subtle.importKey('pkcs8', der, ALG, true, ['sign'])) as CryptoKey;
}

async function issueServing(
  ca: x509.X509Certificate,
  caKey: CryptoKey,
  now: Date,
): Promise<{ servingCertPem: string; servingKeyPem: string }> {
  const servingKeys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const serving = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=kube-apiserver',
    issuer: ca.subject,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + 365 * DAY_MS),
    publicKey: servingKeys.publicKey,
    signingKey: caKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  });
  return { servingCertPem: serving.toString('pem'), servingKeyPem: await keyPem(servingKeys.privateKey) };
}

/**
 * A new CA and serving certificate, or — given what an earlier run saved — the same CA again, as a real cluster
 * keeps its CA across apiserver restarts, so clients holding the old kubeconfig still trust it. The saved serving
 * certificate is reused unless it expires within a day (then the same CA issues a new one).
 */
export async function createAuthority(now = new Date(), saved?: SavedAuthority): Promise<CertAuthority> {
  const { ca, caKey } = saved
    ? { ca: new x509.X509Certificate(saved.caCertPem), caKey: await importKey(saved.caKeyPem) }
    : await newCa(now);
  const servingStillGood =
    saved && new x509.X509Certificate(saved.servingCertPem).notAfter.getTime() > now.getTime() + DAY_MS;
  const { servingCertPem, servingKeyPem } = servingStillGood ? saved : await issueServing(ca, caKey, now);

  async function sign(csrPem: string, usages: string[], validSeconds: number): Promise<string> {
    const req = new x509.Pkcs10CertificateRequest(csrPem);
    if (!(await req.verify())) throw new Error('CSR signature does not verify');
    const keyBits = usages.reduce((bits, u) => bits | (KEY_USAGE_BITS[u] ?? 0), 0);
    const ext = usages.map((u) => EXT_USAGES[u]).filter((u): u is string => u !== undefined);
    const san = req.extensions.find(
      (e): e is x509.SubjectAlternativeNameExtension => e instanceof x509.SubjectAlternativeNameExtension,
    );
    const extensions: x509.Extension[] = [
      new x509.BasicConstraintsExtension(false, undefined, true),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ];
    if (keyBits) extensions.push(new x509.KeyUsagesExtension(keyBits, true));
    if (ext.length) extensions.push(new x509.ExtendedKeyUsageExtension(ext));
    if (san) extensions.push(new x509.SubjectAlternativeNameExtension(san.names.toJSON()));
    const issued = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject: req.subject,
      issuer: ca.subject,
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + validSeconds * 1000),
      publicKey: req.publicKey,
      signingKey: caKey,
      signingAlgorithm: ALG,
      extensions,
    });
    return issued.toString('pem');
  }

  const caPem = ca.toString('pem');
  return {
    caPem,
    servingCertPem,
    servingKeyPem,
    sign,
    saved: { caCertPem: caPem, caKeyPem: await keyPem(caKey), servingCertPem, servingKeyPem },
  };
}

import type { DecodeResult, DecodedRequest } from './csr-decode';
import { servingChecks } from './csr-checks-serving';
import { clientChecks } from './csr-checks-client';
import {
  check,
  indexNodes,
  MIN_EXPIRATION_SECONDS,
  nodeNameFromIdentity,
  signerFamily,
  type ClusterFacts,
  type CsrCheck,
  type CsrUnderReview,
  type CsrVerdict,
  type NodeIndex,
} from './csr-check-core';

/**
 * Checks every signer shares: the request is PKCS#10, its self-signature verifies (the requester holds the private
 * key), the key is a type and size we accept, and the requested lifetime is sane.
 */
function commonChecks(csr: CsrUnderReview, cluster: ClusterFacts): CsrCheck[] {
  const d = csr.decoded;
  return [
    check(
      'request-decodes',
      'Request is valid PKCS#10',
      d.ok,
      d.ok ? 'spec.request parses as a PKCS#10 certificate request' : d.error,
    ),
    d.ok
      ? check(
          'signature-valid',
          'Request signature verifies',
          d.request.signatureValid,
          d.request.signatureValid
            ? `signed with the request's own key (${d.request.signatureAlgorithm})`
            : 'the self-signature does not verify: the requester may not hold the private key',
        )
      : check('signature-valid', 'Request signature verifies', false, 'request could not be decoded'),
    keyCheck(d),
    expirationCheck(csr.expirationSeconds, cluster.maxExpirationSeconds),
  ];
}

/**
 * Acceptable keys: ECDSA P-256/P-384/P-521 (the kubelet generates P-256), RSA of 2048 to 8192 bits
 * (NIST SP 800-57: below 2048 is too weak; above 8192 is a cost attack on the signer), or Ed25519.
 */
function keyCheck(d: DecodeResult): CsrCheck {
  const label = 'Key type and size acceptable';
  if (!d.ok) return check('key', label, false, 'request could not be decoded');
  const r: DecodedRequest = d.request;
  if (r.keyAlgorithm === 'ECDSA') {
    const ok = ['P-256', 'P-384', 'P-521'].includes(r.curve ?? '');
    return check('key', label, ok, ok ? `ECDSA ${r.curve}` : `ECDSA on curve ${r.curve ?? 'unknown'} is not accepted`);
  }
  if (r.keyAlgorithm.startsWith('RSA')) {
    const bits = r.keySizeBits ?? 0;
    const ok = bits >= 2048 && bits <= 8192;
    return check('key', label, ok, ok ? `RSA ${bits} bits` : `RSA ${bits} bits is outside 2048–8192`);
  }
  if (r.keyAlgorithm === 'Ed25519') return check('key', label, true, 'Ed25519');
  return check('key', label, false, `key algorithm ${r.keyAlgorithm} is not accepted`);
}

/** expirationSeconds is optional; when set the API requires ≥ 600 and we refuse more than the configured bound. */
function expirationCheck(expirationSeconds: number | null, maxSeconds: number): CsrCheck {
  const label = 'Requested duration within bounds';
  if (expirationSeconds === null)
    return check('expiration', label, true, "not set: the signer's default duration applies");
  if (expirationSeconds < MIN_EXPIRATION_SECONDS)
    return check(
      'expiration',
      label,
      false,
      `${expirationSeconds}s is below the API minimum of ${MIN_EXPIRATION_SECONDS}s`,
    );
  if (expirationSeconds > maxSeconds)
    return check('expiration', label, false, `${expirationSeconds}s exceeds the ${maxSeconds}s bound`);
  return check('expiration', label, true, `${expirationSeconds}s (bound ${maxSeconds}s)`);
}

/**
 * The safety verdict for one CSR. Serving and client requests of the kubelet get the full rule set of
 * `csr-checks-serving.ts` / `csr-checks-client.ts`; any other signer gets only the common checks and needs
 * an explicit confirmation to approve, and is never part of a bulk approval.
 */
export function reviewCsr(
  csr: CsrUnderReview,
  cluster: ClusterFacts,
  index: NodeIndex = indexNodes(cluster.nodes),
): CsrVerdict {
  const family = signerFamily(csr.signerName);
  const common = commonChecks(csr, cluster);
  const cn = csr.decoded.ok ? csr.decoded.request.commonName : null;
  const specific =
    family === 'kubelet-serving'
      ? servingChecks(csr, cluster, index)
      : family === 'kubelet-client'
        ? clientChecks(csr, index)
        : [];
  const checks = [...specific, ...common];
  const allPassed = checks.every((c) => c.passed);
  return {
    family,
    nodeName: nodeNameFromIdentity(cn) ?? nodeNameFromIdentity(csr.username),
    checks,
    allPassed,
    needsExtraConfirmation: family === 'other',
    bulkEligible: family !== 'other' && allPassed,
  };
}

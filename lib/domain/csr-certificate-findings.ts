import type { DecodedCertificate } from './csr-decode';

/**
 * What is wrong with a CSR's issued certificate (status.certificate), judged against the clock and the request.
 *
 * kube-controller-manager's signer (pkg/controller/certificates/signer: PermissiveSigningPolicy) sets
 * notBefore = now − 5 min (backdate) and notAfter = notBefore + ttl, or now + ttl when ttl is under 8 h, where
 * ttl = min(spec.expirationSeconds, --cluster-signing-duration); notAfter is cut at the CA's own notAfter. So the
 * certificate's lifetime is the requested one within five minutes unless the signer capped or ignored it. Signers
 * may ignore expirationSeconds (kube-controller-manager honours it from v1.22; the field is a request).
 */
export interface CertificateFinding {
  id: 'expired' | 'not-yet-valid' | 'shorter-than-requested' | 'longer-than-requested';
  severity: 'danger' | 'warning';
  text: string;
}

/** kube-controller-manager's backdate, plus a minute of slack for clock skew between signer and API server. */
const SLACK_SECONDS = 5 * 60 + 60;

function duration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s >= 2 * 86400) return `${Math.round(s / 86400)} d`;
  if (s >= 2 * 3600) return `${Math.round(s / 3600)} h`;
  if (s >= 120) return `${Math.round(s / 60)} min`;
  return `${s} s`;
}

export function certificateFindings(
  cert: Pick<DecodedCertificate, 'notBefore' | 'notAfter'>,
  expirationSeconds: number | null,
  now: Date,
): CertificateFinding[] {
  const out: CertificateFinding[] = [];
  const notBefore = Date.parse(cert.notBefore);
  const notAfter = Date.parse(cert.notAfter);
  if (!Number.isFinite(notBefore) || !Number.isFinite(notAfter)) return out;
  const t = now.getTime();
  if (notAfter <= t)
    out.push({
      id: 'expired',
      severity: 'danger',
      text: `The issued certificate expired ${duration((t - notAfter) / 1000)} ago (notAfter ${cert.notAfter}). A kubelet still presenting it can no longer authenticate (client) or be verified (serving); kubelets rotate at 70–90 % of the lifetime, so check that the node rotated, and whether its newer CSR is pending.`,
    });
  else if (notBefore > t + 60_000)
    out.push({
      id: 'not-yet-valid',
      severity: 'warning',
      text: `The issued certificate is not valid until ${cert.notBefore}: the signer's clock is ahead of this server's.`,
    });
  if (expirationSeconds !== null) {
    const lifetime = (notAfter - notBefore) / 1000;
    const diff = lifetime - expirationSeconds;
    if (diff < -SLACK_SECONDS)
      out.push({
        id: 'shorter-than-requested',
        severity: 'warning',
        text: `The certificate lives ${duration(lifetime)}, ${duration(-diff)} less than the ${duration(expirationSeconds)} requested (expirationSeconds ${expirationSeconds}): the signer caps durations (kube-controller-manager --cluster-signing-duration) or its CA expires sooner.`,
      });
    else if (diff > SLACK_SECONDS)
      out.push({
        id: 'longer-than-requested',
        severity: 'warning',
        text: `The certificate lives ${duration(lifetime)}, ${duration(diff)} more than the ${duration(expirationSeconds)} requested (expirationSeconds ${expirationSeconds}): the signer ignored the requested duration (kube-controller-manager honours it from v1.22; other signers may not).`,
      });
  }
  return out;
}

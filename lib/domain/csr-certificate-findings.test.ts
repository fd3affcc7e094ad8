import { describe, expect, it } from 'vitest';
import eks from './fixtures/csrs/eks-serving-approved.json';
import { certificateFindings } from './csr-certificate-findings';
import { decodeIssuedCertificate } from './csr-decode';

const cert = (notBefore: string, notAfter: string) => ({ notBefore, notAfter });

describe('certificateFindings', () => {
  it('flags the real EKS certificate as expired a year after it was issued, and not before', () => {
    const decoded = decodeIssuedCertificate(eks.status.certificate);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.certificate.notAfter).toBe('2024-08-18T13:26:00.000Z');
    expect(certificateFindings(decoded.certificate, null, new Date('2024-01-01T00:00:00Z'))).toEqual([]);
    const later = certificateFindings(decoded.certificate, null, new Date('2024-08-21T13:26:00Z'));
    expect(later.map((f) => f.id)).toEqual(['expired']);
    expect(later[0]?.text).toContain('expired 3 d ago');
  });
  it('accepts kube-controller-manager backdating (5 min) on a requested duration', () => {
    // expirationSeconds 1 h (< 8 h): notBefore = now − 5 min, notAfter = now + 1 h
    expect(
      certificateFindings(cert('2026-01-01T09:55:00Z', '2026-01-01T11:00:00Z'), 3600, new Date('2026-01-01T10:00:00Z')),
    ).toEqual([]);
  });
  it('flags a lifetime shorter or longer than expirationSeconds', () => {
    const now = new Date('2026-01-01T10:00:00Z');
    const shorter = certificateFindings(cert('2026-01-01T09:55:00Z', '2026-01-02T09:55:00Z'), 7 * 86400, now);
    expect(shorter.map((f) => f.id)).toEqual(['shorter-than-requested']);
    expect(shorter[0]?.text).toContain('--cluster-signing-duration');
    const longer = certificateFindings(cert('2026-01-01T09:55:00Z', '2027-01-01T09:55:00Z'), 86400, now);
    expect(longer.map((f) => f.id)).toEqual(['longer-than-requested']);
    expect(longer[0]?.text).toContain('ignored the requested duration');
  });
});

import type { CsrDetail } from '@/lib/api/csrs';
import { DefinitionList, mono } from './definition-list';

function keyText(r: NonNullable<CsrDetail['request']>): string {
  if (r.curve) return `${r.keyAlgorithm} ${r.curve}`;
  if (r.keySizeBits) return `${r.keyAlgorithm} ${r.keySizeBits} bits`;
  return r.keyAlgorithm;
}

/** The PKCS#10 request as decoded on the server, or why it could not be. */
export function CsrRequestSection({ csr }: { csr: CsrDetail }) {
  const r = csr.request;
  if (!r)
    return (
      <p
        role="note"
        className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
      >
        spec.request could not be decoded: {csr.requestError}
      </p>
    );
  return (
    <DefinitionList
      items={[
        [
          'Subject',
          <span key="s" className="font-mono text-xs">
            {r.subject}
          </span>,
        ],
        ['Common name (CN)', mono(r.commonNames)],
        ['Organization (O)', mono(r.organizations)],
        ['DNS SANs', mono(r.dnsNames)],
        ['IP SANs', mono(r.ipAddresses)],
        ['Email SANs', mono(r.emailAddresses)],
        ['URI SANs', mono(r.uris)],
        ['Other SANs', mono(r.otherSans)],
        ['Public key', keyText(r)],
        ['Signature', `${r.signatureAlgorithm} · ${r.signatureValid ? 'verifies' : 'does NOT verify'}`],
      ]}
    />
  );
}

/** The certificate the signer issued (status.certificate), when there is one. */
export function CsrCertificateSection({ csr }: { csr: CsrDetail }) {
  if (csr.certificateError)
    return (
      <p className="text-sm text-red-700 dark:text-red-400">
        status.certificate could not be decoded: {csr.certificateError}
      </p>
    );
  const c = csr.certificate;
  if (!c)
    return (
      <p className="text-sm text-zinc-500">
        No certificate issued{csr.state === 'Approved' ? ' yet: the signer has not acted' : ''}.
      </p>
    );
  return (
    <>
      {csr.certificateFindings.length > 0 && (
        <ul className="mb-2 space-y-1" data-testid="certificate-findings">
          {csr.certificateFindings.map((f) => (
            <li
              key={f.id}
              className={
                f.severity === 'danger'
                  ? 'text-sm text-red-700 dark:text-red-400'
                  : 'text-sm text-amber-800 dark:text-amber-300'
              }
            >
              {f.text}
            </li>
          ))}
        </ul>
      )}
      <DefinitionList
        items={[
          [
            'Subject',
            <span key="s" className="font-mono text-xs">
              {c.subject}
            </span>,
          ],
          [
            'Issuer',
            <span key="i" className="font-mono text-xs">
              {c.issuer}
            </span>,
          ],
          [
            'Serial',
            <span key="n" className="font-mono text-xs">
              {c.serialNumber}
            </span>,
          ],
          ['Valid from', c.notBefore],
          ['Valid until', c.notAfter],
          ['DNS SANs', mono(c.dnsNames)],
          ['IP SANs', mono(c.ipAddresses)],
        ]}
      />
    </>
  );
}

import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Icon, type IconName } from '@/components/ui/icons';
import type { CsrRow } from '@/lib/api/csrs';

const LOOK: Record<CsrRow['state'], { tone: BadgeTone; icon: IconName }> = {
  Pending: { tone: 'warning', icon: 'pause' },
  Approved: { tone: 'success', icon: 'check' },
  Denied: { tone: 'danger', icon: 'cross' },
  Failed: { tone: 'danger', icon: 'alert' },
};

/** The CSR condition as `kubectl get csr` prints it (Pending, Approved,Issued, Denied, Approved,Failed). */
export function CsrStateBadge({ row }: { row: Pick<CsrRow, 'state' | 'stateLabel'> }) {
  const look = LOOK[row.state];
  return (
    <Badge tone={look.tone} data-testid="csr-state">
      <Icon name={look.icon} className="size-3" />
      {row.stateLabel}
    </Badge>
  );
}

/** Verdict summary: all checks pass, or how many fail (the failing labels in the tooltip and for screen readers). */
export function CsrVerdictBadge({
  row,
}: {
  row: Pick<CsrRow, 'checksPassed' | 'checksTotal' | 'failingChecks' | 'family'>;
}) {
  const failing = row.checksTotal - row.checksPassed;
  if (failing === 0)
    return (
      <Badge
        tone={row.family === 'other' ? 'info' : 'success'}
        title={row.family === 'other' ? 'Common checks pass; this signer needs an explicit confirmation' : undefined}
      >
        <Icon name="check" className="size-3" />
        {row.checksPassed}/{row.checksTotal} checks pass{row.family === 'other' ? ' · confirm' : ''}
      </Badge>
    );
  const labels = row.failingChecks.map((c) => c.label).join(', ');
  return (
    <Badge tone="danger" title={row.failingChecks.map((c) => `${c.label}: ${c.reason}`).join('\n')}>
      <Icon name="cross" className="size-3" />
      {failing} failing: <span className="max-w-56 truncate">{labels}</span>
    </Badge>
  );
}

const FINDING_LABEL: Record<CsrRow['certificateFindings'][number]['id'], string> = {
  expired: 'certificate expired',
  'not-yet-valid': 'certificate not yet valid',
  'shorter-than-requested': 'shorter than requested',
  'longer-than-requested': 'longer than requested',
};

/** Problems of the issued certificate (expired, a lifetime other than requested), one badge each. */
export function CertificateFindingBadges({ row }: { row: Pick<CsrRow, 'certificateFindings'> }) {
  if (row.certificateFindings.length === 0) return null;
  return (
    <div className="mt-1 flex flex-wrap gap-1">
      {row.certificateFindings.map((f) => (
        <Badge key={f.id} tone={f.severity} title={f.text} data-testid={`cert-${f.id}`}>
          <Icon name="alert" className="size-3" />
          {FINDING_LABEL[f.id]}
        </Badge>
      ))}
    </div>
  );
}

import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Icon } from '@/components/ui/icons';

type Status = 'pass' | 'fail' | 'unknown' | 'n/a';

const LOOK: Record<Status, { tone: BadgeTone; icon: 'check' | 'cross' | 'question' | 'pause'; label: string }> = {
  fail: { tone: 'danger', icon: 'cross', label: 'fail' },
  unknown: { tone: 'warning', icon: 'question', label: 'unknown' },
  pass: { tone: 'success', icon: 'check', label: 'pass' },
  'n/a': { tone: 'neutral', icon: 'pause', label: 'n/a' },
};

/** pass / fail / unknown / n/a with icon and word, so colour is never the only signal. */
export function PostureStatusBadge({ status, className }: { status: Status; className?: string }) {
  const look = LOOK[status];
  return (
    <Badge tone={look.tone} className={className} data-status={status}>
      <Icon name={look.icon} className="size-3" />
      {look.label}
    </Badge>
  );
}

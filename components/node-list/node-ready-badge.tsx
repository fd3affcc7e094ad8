import type { NodeRow } from '@/lib/api/nodes';
import { Badge } from '@/components/ui/badge';
import { Icon } from '@/components/ui/icons';

/**
 * The Ready condition as kubectl prints it: Ready, or NotReady for False and Unknown alike. Unknown
 * (the kubelet stopped posting status) says so under the badge; colour is never the only signal.
 */
export function NodeReadyBadge({ ready }: { ready: NodeRow['ready'] }) {
  if (ready === 'True') {
    return (
      <Badge tone="success">
        <Icon name="check" />
        Ready
      </Badge>
    );
  }
  return (
    <span className="flex flex-col items-start gap-0.5">
      <Badge
        tone="danger"
        title={ready === 'Unknown' ? 'Ready condition is Unknown: the kubelet stopped posting status' : undefined}
      >
        <Icon name={ready === 'Unknown' ? 'question' : 'cross'} />
        NotReady
      </Badge>
      {ready === 'Unknown' && (
        <span className="text-[11px] leading-3 whitespace-nowrap text-zinc-500 dark:text-zinc-400">Unknown</span>
      )}
    </span>
  );
}

import type { FleetNodeResult } from '@/lib/api/fleet';
import { cn } from '@/lib/cn';
import { formatBytes } from '@/lib/domain/format-units';
import { describeHeadroom } from '@/lib/view/eviction-labels';

const REASON_LABEL: Record<string, string> = {
  Timeout: 'timed out',
  KubeletUnreachable: 'unreachable',
  Forbidden: 'forbidden',
  MalformedResponse: 'bad answer',
};

/**
 * The kubelet column: eviction headroom of the node's closest hard threshold (from stats/summary, streamed by
 * the shared fleet sweep), or why the kubelet did not answer. One element per cell; details in the tooltip.
 * `live` false = the stream has not started, so nothing is claimed pending. "pending…" = not answered yet;
 * "slow…" = a straggler, its request on the wire past the straggler threshold (after the previous sweep's
 * value, on a refresh).
 */
export function KubeletCell({ result, live }: { result: FleetNodeResult | undefined; live: boolean }) {
  if (!result) {
    return <span className="text-xs text-zinc-400 italic dark:text-zinc-500">{live ? 'pending…' : '—'}</span>;
  }
  if (result.state === 'pending') {
    const slow = (
      <span
        className="shrink-0 text-xs text-amber-700 italic dark:text-amber-300"
        title={`Asked at ${result.since}; the kubelet has not answered yet. It is marked timed out at the request deadline.${result.last ? ' The value shown is from the previous sweep.' : ''}`}
      >
        slow…
      </span>
    );
    if (!result.last) return slow;
    return (
      <span className="flex min-w-0 items-baseline gap-1">
        <KubeletCell result={result.last} live={live} />
        {slow}
      </span>
    );
  }
  if (result.state === 'error') {
    return (
      <span
        className="truncate text-xs font-medium text-red-700 dark:text-red-300"
        title={`${result.message} (${result.at})`}
      >
        {REASON_LABEL[result.reason] ?? result.reason}
      </span>
    );
  }
  const h = result.stats?.headroom;
  if (!h) {
    // never "ok": either the kubelet has no hard thresholds at all, or its Summary lacks their signals
    const none = result.stats?.hardThresholds === 0;
    return (
      <span
        className={cn('text-xs', none ? 'font-medium text-amber-700 dark:text-amber-300' : 'text-zinc-500')}
        title={
          result.stats === undefined
            ? `answered ${result.at}`
            : none
              ? `No hard eviction thresholds in the kubelet's config (evictionHard empty): it never evicts for node pressure. Answered ${result.at}.`
              : `stats/summary reports none of the signals of the kubelet's ${result.stats.hardThresholds} hard thresholds. Answered ${result.at}.`
        }
      >
        {result.stats === undefined ? 'answered' : none ? 'no thresholds' : 'no signals'}
      </span>
    );
  }
  const from =
    result.stats?.thresholds === 'configz'
      ? "the node's evictionHard"
      : 'the kubelet default thresholds (its configz has not been read)';
  const mem = result.stats?.memoryAvailableBytes;
  return (
    <span
      className={cn(
        'line-clamp-2 text-xs leading-4 tabular-nums',
        h.met
          ? 'font-semibold text-red-700 dark:text-red-300'
          : h.percent < 5
            ? 'font-medium text-amber-700 dark:text-amber-300'
            : '',
      )}
      title={`${h.signal}: ${h.percent}% of capacity above its hard eviction threshold, per ${from}.${mem !== null && mem !== undefined ? ` memory.available ${formatBytes(mem)}.` : ''} Sampled ${result.at}.`}
    >
      {describeHeadroom(h)}
    </span>
  );
}

import Link from 'next/link';
import type { PostureCounts } from '@/lib/api/posture';

/** What the node list knows about each node's posture (GET /api/posture?view=nodes). */
export interface PostureColumnData {
  counts: ReadonlyMap<string, PostureCounts>;
  /** node → why its configz could not be read */
  unreadable: ReadonlyMap<string, string>;
  pending: ReadonlySet<string>;
  /** the posture query has answered; before that nothing is claimed */
  loaded: boolean;
  /** the posture query failed: its message */
  error?: string;
}

/**
 * The node list's posture cell: failed kubelet security checks for the node (a link to its posture section),
 * or why there is no number (configz unreadable, still being read).
 */
export function PostureCell({ name, posture }: { name: string; posture: PostureColumnData | undefined }) {
  if (!posture?.loaded) {
    return (
      <span className="text-xs text-zinc-400 italic dark:text-zinc-500" title={posture?.error}>
        {posture?.error ? 'unavailable' : '…'}
      </span>
    );
  }
  const counts = posture.counts.get(name);
  if (!counts) {
    const reason = posture.unreadable.get(name);
    if (reason)
      return (
        <span className="truncate text-xs text-zinc-500" title={`configz could not be read: ${reason}`}>
          not read
        </span>
      );
    return (
      <span className="text-xs text-zinc-400 italic dark:text-zinc-500">
        {posture.pending.has(name) ? 'reading…' : '—'}
      </span>
    );
  }
  const title = `${counts.fail} failed, ${counts.unknown} unknown, ${counts.pass} passed, ${counts['n/a']} n/a of the CIS 1.12 §4 and DISA STIG kubelet checks configz decides`;
  return (
    // no prefetch, as the name cell: every sort or scroll would otherwise fetch the pages of the rows it shows
    <Link
      prefetch={false}
      href={`/nodes/${encodeURIComponent(name)}#posture-title`}
      title={title}
      data-posture-fail={counts.fail}
      className={
        counts.fail > 0
          ? 'truncate text-xs font-medium text-red-700 tabular-nums hover:underline dark:text-red-300'
          : 'truncate text-xs text-emerald-700 tabular-nums hover:underline dark:text-emerald-400'
      }
    >
      {counts.fail > 0 ? `${counts.fail} failed` : 'none failed'}
    </Link>
  );
}

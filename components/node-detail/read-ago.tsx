'use client';

import { useNow } from '@/components/use-now';

function ago(seconds: number): string {
  if (seconds < 2) return 'just now';
  if (seconds < 120) return `${seconds} s ago`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ago`;
}

export interface ReadPart {
  /** what was read ("configz", "stats/summary") */
  what: string;
  /** ISO time the server read it from the kubelet or the API server */
  at: string | undefined;
}

/**
 * "read 12 s ago" for a panel: the age of its oldest input (a panel is only as current as the oldest thing it
 * shows), with each input's absolute read time on hover. Before hydration (no clock yet) it renders nothing,
 * so the server and the browser agree.
 */
export function ReadAgo({ id, parts }: { id: string; parts: readonly ReadPart[] }) {
  const now = useNow();
  const known = parts.filter(
    (p): p is { what: string; at: string } => p.at !== undefined && !Number.isNaN(Date.parse(p.at)),
  );
  if (now === 0 || known.length === 0) return null;
  const oldest = known.reduce((a, b) => (Date.parse(a.at) <= Date.parse(b.at) ? a : b));
  const seconds = Math.max(0, Math.floor((now - Date.parse(oldest.at)) / 1000));
  const title = known.map((p) => `${p.what} read at ${new Date(p.at).toLocaleString()}`).join('\n');
  return (
    <span data-testid={`read-at-${id}`} className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400" title={title}>
      read <time dateTime={oldest.at}>{ago(seconds)}</time>
    </span>
  );
}

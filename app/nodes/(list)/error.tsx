'use client';

import { ErrorPanel } from '@/components/error-panel';

/** Last-resort boundary: a render error in the node list; query errors are shown by the page itself. */
export default function NodesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel error={error} what="nodes" title="The node list failed to render" onRetry={reset} />;
}

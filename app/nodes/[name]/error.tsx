'use client';

import { ErrorPanel } from '@/components/error-panel';

export default function NodeDetailError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorPanel error={error} what="nodes" title="Could not show this node" onRetry={reset} />;
}

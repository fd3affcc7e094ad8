import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ClusterOverviewView } from '@/components/clusters/cluster-overview-view';
import { SessionClustersPanel } from '@/components/clusters/session-clusters-panel';
import { authMode } from '@/lib/auth/config';

export const metadata: Metadata = { title: 'Clusters' };

/**
 * Every cluster at once: one row per kubeconfig context (or the saved selection), each filled in as its cluster
 * answers (GET /api/clusters streams). Rendered in the browser only: the overview asks every cluster, and a page
 * render must not wait for the slowest one. In shared mode the contexts are the dashboard's cluster and those the
 * user added to their session, which the panel above the overview adds and removes.
 */
export default function ClustersPage() {
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold tracking-tight">Clusters</h1>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        Every context at once: is the API server reachable, how many nodes are NotReady or under pressure, which node is
        closest to evicting, how many kubelet CSRs wait, and how many distinct kubelet configs run. Each cluster has its
        own deadline; a slow one never holds up the others.
      </p>
      {authMode() === 'shared' && <SessionClustersPanel />}
      <Suspense>
        <ClusterOverviewView />
      </Suspense>
    </>
  );
}

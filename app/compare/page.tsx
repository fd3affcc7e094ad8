import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CompareView } from '@/components/compare/compare-view';

export const metadata: Metadata = { title: 'Compare' };

/**
 * Config drift: compares the effective kubelet config of nodes with each other and with the cluster's source
 * of truth. Everything the view shows is in the URL (see components/compare/compare-params.ts); the data is
 * read in the browser because reading configz from every kubelet can take seconds and should not block the page.
 */
export default function ComparePage() {
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold tracking-tight">Compare kubelet configs</h1>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        Effective configuration (configz) compared by meaning: 1Gi = 1024Mi, 1m0s = 60s, unset = the version&apos;s
        default.
      </p>
      <Suspense>
        <CompareView />
      </Suspense>
    </>
  );
}

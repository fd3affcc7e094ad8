import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PostureView } from '@/components/posture/posture-view';

export const metadata: Metadata = { title: 'Posture' };

/**
 * Kubelet security posture for the fleet: CIS and STIG kubelet checks judged on every node's effective config
 * (configz), from the fleet layer's cache. The data is read in the browser: a cold fleet's configz takes seconds
 * and the page shows counts as kubelets answer instead of waiting for the last one.
 */
export default function PosturePage() {
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold tracking-tight">Kubelet security posture</h1>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        Which kubelets are not hardened, and how to fix each: CIS Kubernetes Benchmark and DISA STIG kubelet checks on
        each node&apos;s effective configuration, read through the API server. No agent on any node.
      </p>
      <Suspense>
        <PostureView />
      </Suspense>
    </>
  );
}

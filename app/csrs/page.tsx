import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { CsrListView } from '@/components/csrs/csr-list-view';
import { listReviewedCsrsOrLastGood } from '@/lib/server/csr-list-last-good';
import { getRequestKube, listRequestContexts } from '@/lib/server/request-kube';
import { contextsOptions } from '@/lib/queries/contexts';
import { csrListOptions } from '@/lib/queries/csrs';
import { getQueryClient } from '@/lib/queries/query-client';

export const metadata: Metadata = { title: 'CSRs' };

/**
 * CSR review. The first screen is rendered from data fetched here (same query key the browser then keeps live
 * through the watch). A failure here is not shown: the browser's own fetch reports it with its reason.
 */
export default async function CsrsPage() {
  const queryClient = getQueryClient();
  const contexts = await listRequestContexts().catch(() => undefined);
  if (contexts) {
    queryClient.setQueryData(contextsOptions().queryKey, contexts);
    await queryClient.prefetchQuery({
      ...csrListOptions(contexts.current),
      // the same road as GET /api/csrs: a list read here is the last good one if the API server then fails
      queryFn: async () => listReviewedCsrsOrLastGood(await getRequestKube(contexts.current)),
    });
  }
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Certificate signing requests</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CsrListView serverContext={contexts?.current} />
      </HydrationBoundary>
    </>
  );
}

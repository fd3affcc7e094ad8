import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { CsrDetailView } from '@/components/csrs/csr-detail-view';
import { CsrNameSchema } from '@/lib/api/csrs';
import { NotFoundError } from '@/lib/errors';
import { getReviewedCsr } from '@/lib/server/csr-review';
import { getRequestKube, listRequestContexts } from '@/lib/server/request-kube';
import { contextsOptions } from '@/lib/queries/contexts';
import { csrDetailOptions } from '@/lib/queries/csrs';
import { getQueryClient } from '@/lib/queries/query-client';

export async function generateMetadata(props: PageProps<'/csrs/[name]'>): Promise<Metadata> {
  return { title: `CSR ${(await props.params).name}` };
}

/**
 * One CSR's review: verdict, decoded request, certificate, decision. Prefetched here, kept live in the browser.
 * A CSR the cluster does not have is an HTTP 404 (this page has no loading boundary, so the status is still ours
 * to set); any other failure renders the page, whose query shows the error.
 */
export default async function CsrPage(props: PageProps<'/csrs/[name]'>) {
  const parsed = CsrNameSchema.safeParse((await props.params).name);
  if (!parsed.success) notFound();
  const name = parsed.data;
  const queryClient = getQueryClient();
  const contexts = await listRequestContexts().catch(() => undefined);
  if (contexts) {
    queryClient.setQueryData(contextsOptions().queryKey, contexts);
    try {
      const detail = await getReviewedCsr(await getRequestKube(contexts.current), name);
      queryClient.setQueryData(csrDetailOptions(contexts.current, name).queryKey, detail);
    } catch (err) {
      if (err instanceof NotFoundError) notFound();
    }
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CsrDetailView name={name} serverContext={contexts?.current} />
    </HydrationBoundary>
  );
}

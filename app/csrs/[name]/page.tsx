import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { CsrDetailView } from '@/components/csrs/csr-detail-view';
import { CsrNameSchema } from '@/lib/api/csrs';
import { getReviewedCsr } from '@/lib/server/csr-review';
import { getRequestKube, listRequestContexts } from '@/lib/server/request-kube';
import { contextsOptions } from '@/lib/queries/contexts';
import { csrDetailOptions } from '@/lib/queries/csrs';
import { getQueryClient } from '@/lib/queries/query-client';

export async function generateMetadata(props: PageProps<'/csrs/[name]'>): Promise<Metadata> {
  return { title: `CSR ${(await props.params).name}` };
}

/** One CSR's review: verdict, decoded request, certificate, decision. Prefetched here, kept live in the browser. */
export default async function CsrPage(props: PageProps<'/csrs/[name]'>) {
  const parsed = CsrNameSchema.safeParse((await props.params).name);
  if (!parsed.success) notFound();
  const name = parsed.data;
  const queryClient = getQueryClient();
  const contexts = await listRequestContexts().catch(() => undefined);
  if (contexts) {
    queryClient.setQueryData(contextsOptions().queryKey, contexts);
    await queryClient.prefetchQuery({
      ...csrDetailOptions(contexts.current, name),
      queryFn: async () => getReviewedCsr(await getRequestKube(contexts.current), name),
    });
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CsrDetailView name={name} />
    </HydrationBoundary>
  );
}

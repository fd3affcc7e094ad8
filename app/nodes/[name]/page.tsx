import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { NodeDetailView } from '@/components/node-detail/node-detail-view';
import { NodeNameSchema } from '@/lib/api/names';
import { contextsOptions } from '@/lib/queries/contexts';
import { nodeConfigzOptions, nodeObjectOptions, nodePodsOptions, nodeSummaryOptions } from '@/lib/queries/node-detail';
import { getQueryClient } from '@/lib/queries/query-client';
import { prefetchNodeDetail } from '@/lib/server/node-detail';
import { getRequestKube, listRequestContexts } from '@/lib/server/request-kube';

export async function generateMetadata(props: PageProps<'/nodes/[name]'>): Promise<Metadata> {
  return { title: decodeURIComponent((await props.params).name) };
}

/** Node detail: whatever answered within the prefetch budget is dehydrated; the browser fetches the rest. */
export default async function NodeDetailPage(props: PageProps<'/nodes/[name]'>) {
  const parsed = NodeNameSchema.safeParse(decodeURIComponent((await props.params).name));
  if (!parsed.success) notFound();
  const name = parsed.data;
  const queryClient = getQueryClient();
  const contexts = await listRequestContexts().catch(() => undefined);
  if (contexts) {
    const ctx = contexts.current;
    queryClient.setQueryData(contextsOptions().queryKey, contexts);
    const parts = await prefetchNodeDetail(await getRequestKube(ctx), name);
    if (parts.notFound) notFound();
    if (parts.node) queryClient.setQueryData(nodeObjectOptions(ctx, name).queryKey, parts.node);
    if (parts.configz) queryClient.setQueryData(nodeConfigzOptions(ctx, name).queryKey, parts.configz);
    if (parts.summary) queryClient.setQueryData(nodeSummaryOptions(ctx, name).queryKey, parts.summary);
    if (parts.pods) queryClient.setQueryData(nodePodsOptions(ctx, name).queryKey, parts.pods);
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <NodeDetailView name={name} serverContext={contexts?.current} />
    </HydrationBoundary>
  );
}

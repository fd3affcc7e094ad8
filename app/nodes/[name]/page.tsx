import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { NodeDetailView } from '@/components/node-detail/node-detail-view';
import { NodeNameSchema } from '@/lib/api/names';
import { NotFoundError } from '@/lib/errors';
import { getKubeletConfigz, getKubeletSummary } from '@/lib/k8s/kubelet';
import { getNode } from '@/lib/k8s/nodes';
import { listPodsOnNode, toNodePod } from '@/lib/k8s/pods';
import { getRequestKube, listRequestContexts } from '@/lib/server/request-kube';
import { contextsOptions } from '@/lib/queries/contexts';
import { nodeConfigzOptions, nodeObjectOptions, nodePodsOptions, nodeSummaryOptions } from '@/lib/queries/node-detail';
import { getQueryClient } from '@/lib/queries/query-client';

export async function generateMetadata(props: PageProps<'/nodes/[name]'>): Promise<Metadata> {
  return { title: decodeURIComponent((await props.params).name) };
}

/** Server prefetch waits this long per part; slower kubelets are fetched by the browser, so first paint stays fast. */
const PREFETCH_BUDGET_MS = 1500;
const within = <T,>(p: Promise<T>) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('prefetch budget')), PREFETCH_BUDGET_MS)),
  ]);

/**
 * Node detail. Each part is prefetched independently: a failing or slow part is simply not dehydrated and the
 * browser fetches it and shows its own error, while the rest renders. Only a missing node is a 404.
 */
export default async function NodeDetailPage(props: PageProps<'/nodes/[name]'>) {
  const parsed = NodeNameSchema.safeParse(decodeURIComponent((await props.params).name));
  if (!parsed.success) notFound();
  const name = parsed.data;
  const queryClient = getQueryClient();
  const contexts = await listRequestContexts().catch(() => undefined);
  if (contexts) {
    const ctx = contexts.current;
    queryClient.setQueryData(contextsOptions().queryKey, contexts);
    const kube = await getRequestKube(ctx);
    try {
      queryClient.setQueryData(nodeObjectOptions(ctx, name).queryKey, await within(getNode(kube, name)));
    } catch (err) {
      if (err instanceof NotFoundError) notFound();
    }
    await Promise.allSettled([
      within(getKubeletConfigz(kube, name)).then((d) =>
        queryClient.setQueryData(nodeConfigzOptions(ctx, name).queryKey, d),
      ),
      within(getKubeletSummary(kube, name)).then((d) =>
        queryClient.setQueryData(nodeSummaryOptions(ctx, name).queryKey, d),
      ),
      within(listPodsOnNode(kube, name)).then((p) =>
        queryClient.setQueryData(nodePodsOptions(ctx, name).queryKey, { node: name, items: p.map(toNodePod) }),
      ),
    ]);
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <NodeDetailView name={name} />
    </HydrationBoundary>
  );
}

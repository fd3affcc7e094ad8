import type { Metadata } from 'next';
import { after } from 'next/server';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { PostureView } from '@/components/posture/posture-view';
import { parsePostureParams } from '@/components/posture/posture-params';
import { PostureQuerySchema, reportToWire } from '@/lib/api/posture';
import { getPosture } from '@/lib/server/posture';
import { getRequestKube, listRequestContexts } from '@/lib/server/request-kube';
import { contextsOptions } from '@/lib/queries/contexts';
import { postureKeys } from '@/lib/queries/keys';
import { postureQuery } from '@/lib/queries/posture';
import { getQueryClient } from '@/lib/queries/query-client';

export const metadata: Metadata = { title: 'Posture' };

/**
 * Kubelet security posture for the fleet: CIS and STIG kubelet checks judged on every node's effective config
 * (configz), from the fleet layer's cache. The first screen comes with the nodes judged so far (a short wait
 * on a small cold cluster, none on a large one: lib/server/posture.ts, FIRST_SCREEN); the browser then polls
 * while kubelets are still being read. A failure here is not
 * shown: the browser's own fetch reports it with its reason.
 */
export default async function PosturePage(props: PageProps<'/posture'>) {
  const search = await props.searchParams;
  const { selector } = parsePostureParams({ get: (k) => [search[k]].flat()[0] ?? null });
  const queryClient = getQueryClient();
  const contexts = await listRequestContexts().catch(() => undefined);
  if (contexts) {
    queryClient.setQueryData(contextsOptions().queryKey, contexts);
    await getRequestKube(contexts.current)
      .then((kube) =>
        getPosture(kube, PostureQuerySchema.parse({ view: 'summary', selector }), {
          // a large cold fleet's kubelet reads start once the HTML has been sent (lib/server/posture.ts)
          firstScreen: { deferColdReads: after },
        }),
      )
      .then((a) => {
        const key = postureKeys.view(contexts.current, postureQuery({ view: 'summary', selector }));
        if (a.kind === 'json') queryClient.setQueryData(key, reportToWire(a.report));
      })
      .catch(() => undefined);
  }
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold tracking-tight">Kubelet security posture</h1>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        Which kubelets are not hardened, and how to fix each: CIS Kubernetes Benchmark and DISA STIG kubelet checks on
        each node&apos;s effective configuration, read through the API server. No agent on any node.
      </p>
      {/* No Suspense boundary: the checks are part of the document's first paint (a streamed boundary is revealed
          later, and never without scripts; see app/nodes/(list)/page.tsx). */}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PostureView serverContext={contexts?.current} />
      </HydrationBoundary>
    </>
  );
}

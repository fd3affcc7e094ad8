import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { z } from 'zod';
import { ContextsResponseSchema } from '@/lib/api/contexts';
import { fetchJson } from './fetch-json';
import { contextKeys } from './keys';

/** GET /api/contexts: the kubeconfig's contexts and the one the dashboard server currently uses. */
export const contextsOptions = () =>
  queryOptions({
    queryKey: contextKeys.all,
    queryFn: ({ signal }) => fetchJson('/api/contexts', ContextsResponseSchema, { signal }),
    // The kubeconfig rarely changes under us; a context switch invalidates explicitly.
    staleTime: 60_000,
  });

export function useContexts() {
  return useQuery(contextsOptions());
}

/**
 * Switches the dashboard server's kube context (POST /api/contexts/current), then invalidates every
 * query: keys carry the context, so nothing from the old cluster is shown as the new one's, and the
 * contexts query refetches to learn the new current context. Server components are refreshed too.
 */
export function useSelectContext() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (name: string) =>
      fetchJson('/api/contexts/current', z.unknown(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      router.refresh();
    },
  });
}

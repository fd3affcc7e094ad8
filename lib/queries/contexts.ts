import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContextsResponse } from '@/lib/api/contexts';
import { postJson } from './csrf';
import { fetchJson } from './fetch-json';
import { contextKeys } from './keys';
import { ownAnswer } from './own-answer';

const ContextsAnswer = ownAnswer<ContextsResponse>(
  'the kubeconfig contexts',
  (b) => typeof b.current === 'string' && Array.isArray(b.contexts),
);

/** GET /api/contexts: the kubeconfig's contexts and the one this browser's requests use (kd-context cookie). */
export const contextsOptions = () =>
  queryOptions({
    queryKey: contextKeys.all,
    queryFn: ({ signal }) => fetchJson('/api/contexts', ContextsAnswer, { signal }),
    // The kubeconfig rarely changes under us; a context switch invalidates explicitly.
    staleTime: 60_000,
  });

export function useContexts() {
  return useQuery(contextsOptions());
}

/** POST /api/contexts/current (with the CSRF header, see ./csrf); answers with the contexts as now selected. */
const selectContext = (name: string) => postJson('/api/contexts/current', { name }, ContextsAnswer);

/**
 * Switches this browser's kube context: the answer becomes the contexts query's data at once (so every
 * context-keyed query moves to the new context's keys), then every query is invalidated, so nothing from
 * the old cluster is shown as the new one's. Callers also `router.refresh()` so server components re-render with the new cookie
 * (not done here: this module is imported by server pages for its queryOptions, and useRouter is client-only).
 */
export function useSelectContext() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: selectContext,
    onSuccess: (contexts) => {
      queryClient.setQueryData(contextKeys.all, contexts);
      return queryClient.invalidateQueries();
    },
  });
}

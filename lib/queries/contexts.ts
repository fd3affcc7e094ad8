import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ContextsResponseSchema } from '@/lib/api/contexts';
import { fetchJson } from './fetch-json';
import { contextKeys } from './keys';

/** GET /api/contexts: the kubeconfig's contexts and the one this browser's requests use (kd-context cookie). */
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

const CsrfResponseSchema = z.object({ token: z.string() });

/**
 * POST /api/contexts/current. Mutations carry a CSRF token (signed double-submit, see lib/security/csrf.ts):
 * GET /api/csrf sets the cookie and returns the token we echo in `x-csrf-token`.
 */
async function selectContext(name: string): Promise<void> {
  const { token } = await fetchJson('/api/csrf', CsrfResponseSchema, { cache: 'no-store' });
  await fetchJson('/api/contexts/current', z.unknown(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token },
    body: JSON.stringify({ name }),
  });
}

/**
 * Switches this browser's kube context, then invalidates every query: keys carry the context, so nothing
 * from the old cluster is shown as the new one's, and the contexts query refetches to learn the new
 * current context. Callers also `router.refresh()` so server components re-render with the new cookie
 * (not done here: this module is imported by server pages for its queryOptions, and useRouter is client-only).
 */
export function useSelectContext() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: selectContext,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

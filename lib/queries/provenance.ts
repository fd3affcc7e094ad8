import { useMutation } from '@tanstack/react-query';
import { ExplainResponseSchema, type ExplainRequest } from '@/lib/api/provenance';
import { postJson } from './csrf';

/** POST /api/nodes/{name}/explain with the pasted files (CSRF header via postJson). */
const explainNodeConfig = (name: string, body: ExplainRequest) =>
  postJson(`/api/nodes/${encodeURIComponent(name)}/explain`, body, ExplainResponseSchema);

/**
 * The explain request as a mutation, not a query: its input is what the user pasted, which must not sit in a
 * cache keyed by content. gcTime 0 drops the pasted variables as soon as the component lets go; no retry,
 * because nothing about a 4xx here improves by repeating it.
 */
export function useExplainNodeConfig(name: string) {
  return useMutation({
    mutationFn: (body: ExplainRequest) => explainNodeConfig(name, body),
    gcTime: 0,
    retry: false,
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SessionClustersResponseSchema, type SessionClustersResponse } from '@/lib/api/session-clusters';
import { deleteJson, postJson } from './csrf';
import { fetchJson } from './fetch-json';
import { sessionClusterKeys } from './keys';

const URL = '/api/session/clusters';

/** GET /api/session/clusters: the clusters this session may add and those it added (shared mode). */
const sessionClustersOptions = () =>
  queryOptions({
    queryKey: sessionClusterKeys.all,
    queryFn: ({ signal }) => fetchJson(URL, SessionClustersResponseSchema, { signal }),
  });

export function useSessionClusters() {
  return useQuery(sessionClustersOptions());
}

/**
 * Adding or removing a cluster changes which contexts exist for this user: the answer becomes the query's data,
 * then every query is invalidated (the context list, the overview, compare), as a context switch does.
 */
function useSessionClusterMutation<V>(send: (v: V) => Promise<SessionClustersResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (data) => {
      queryClient.setQueryData(sessionClusterKeys.all, data);
      return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== sessionClusterKeys.all[0] });
    },
  });
}

/** POST: the token goes to the server once, in the body; the answer names who the cluster says it belongs to. */
export const useAddSessionCluster = () =>
  useSessionClusterMutation((v: { cluster: string; token: string }) => postJson(URL, v, SessionClustersResponseSchema));

export const useRemoveSessionCluster = () =>
  useSessionClusterMutation((cluster: string) => deleteJson(URL, { cluster }, SessionClustersResponseSchema));

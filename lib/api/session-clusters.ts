import * as z from '@/lib/zod-mini';
import { PastedTokenSchema } from './auth';

/**
 * Wire contract of /api/session/clusters (shared mode): the clusters the operator lets users add, and the ones
 * this session has added with who each cluster says the user is. Never a token.
 */
const AddedClusterSchema = z.object({
  name: z.string(),
  server: z.string(),
  user: z.string(),
  groups: z.array(z.string()),
  verifiedBy: z.enum(['SelfSubjectReview', 'SelfSubjectAccessReview']),
  /** seconds since the epoch */
  addedAt: z.number(),
  expiresAt: z.number(),
});
export type AddedCluster = z.infer<typeof AddedClusterSchema>;

export const SessionClustersResponseSchema = z.object({
  /** false outside shared mode, or when the operator listed no clusters (KD_SHARED_CLUSTERS_FILE) */
  enabled: z.boolean(),
  available: z.array(z.object({ name: z.string(), server: z.string() })),
  added: z.array(AddedClusterSchema),
  maxClusters: z.number(),
});
export type SessionClustersResponse = z.infer<typeof SessionClustersResponseSchema>;

/** Cluster names as kubeconfigs spell them (EKS ARNs hold `:` and `/`), bounded. */
const ClusterNameSchema = z
  .string()
  .check(z.minLength(1, 'Pick a cluster.'), z.maxLength(253), z.regex(/^[\w.@:/+-]+$/, 'not a valid cluster name'));

/** Body of POST /api/session/clusters. The token is checked as the sign-in form's. */
export const AddClusterBodySchema = z.object({
  cluster: ClusterNameSchema,
  token: PastedTokenSchema,
});

/** Body of DELETE /api/session/clusters. */
export const RemoveClusterBodySchema = z.object({ cluster: ClusterNameSchema });

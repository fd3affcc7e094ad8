import * as z from '@/lib/zod-mini';

/** Wire contract of GET /api/contexts. Never carries credentials: only names and the server URL. */
const KubeContextSchema = z.object({
  name: z.string(),
  cluster: z.string(),
  user: z.string(),
  server: z.string(),
});

/** @internal the browser does not re-validate it (lib/queries/contexts.ts); the route's tests check the answer with it */
export const ContextsResponseSchema = z.object({
  current: z.string(),
  contexts: z.array(KubeContextSchema),
  /** where credentials come from: a kubeconfig file, or the pod's ServiceAccount */
  source: z.enum(['kubeconfig', 'in-cluster']),
});
export type ContextsResponse = z.infer<typeof ContextsResponseSchema>;

/** Body of POST /api/contexts/current. Context names in kubeconfigs are free-form but bounded. */
export const SelectContextBodySchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(253), z.regex(/^[\w.@:/+-]+$/, 'not a valid context name')),
});

import * as z from '@/lib/zod-mini';

/**
 * Wire contract of GET /api/clusters?contexts=a,b (the fleet overview, /clusters). Browser-safe: zod/mini.
 * The answer is NDJSON (application/x-ndjson), one event per line, streamed as each context answers, so the
 * first row shows without waiting for the slowest cluster: `start` (the contexts, in order), then per context
 * `api` (reachable? server version: one round trip), then `nodes`, `csrs` and `kubelets` in whatever order they
 * finish, then `end`.
 * Every part of a row fails alone with the reason, never failing the others.
 */

/** Why a part could not be read: the category the overview shows, plus the server's own words. */
const ProblemSchema = z.object({
  /**
   * tls: certificate verification; auth: credentials rejected (401); forbidden: RBAC (403); timeout: no answer
   * within the context's deadline; exec-plugin: the kubeconfig's credential plugin is not installed or failed;
   * unreachable: connection refused, DNS, network; error: anything else (see message)
   */
  problem: z.enum(['tls', 'auth', 'forbidden', 'timeout', 'exec-plugin', 'unreachable', 'error']),
  reason: z.string(),
  message: z.string(),
  hint: z.optional(z.string()),
});
export type Problem = z.infer<typeof ProblemSchema>;

const failed = z.extend(ProblemSchema, { ok: z.literal(false) });

const ApiPartSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** /version gitVersion of the control plane */
    version: z.string(),
  }),
  failed,
]);
export type ApiPart = z.infer<typeof ApiPartSchema>;

const NodesPartSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    nodes: z.number(),
    /** Ready condition not True (False or Unknown), as kubectl's STATUS column */
    notReady: z.number(),
    /** nodes with at least one pressure condition True */
    underPressure: z.number(),
  }),
  failed,
]);
export type NodesPart = z.infer<typeof NodesPartSchema>;

const CsrPartSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    pending: z.number(),
    /** pending CSRs that pass every safety check (lib/domain/csr-checks) */
    passing: z.number(),
    failing: z.number(),
  }),
  failed,
]);
export type CsrPart = z.infer<typeof CsrPartSchema>;

const KubeletPartSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** nodes in the cluster when the sweeps ran */
    nodes: z.number(),
    /** the smallest eviction headroom over the nodes whose stats/summary answered; null when none answered */
    headroom: z.nullable(
      z.object({
        node: z.string(),
        signal: z.string(),
        /** (available − threshold) as % of the signal's capacity; negative = past the threshold */
        percent: z.number(),
        met: z.boolean(),
        /** the threshold came from the node's own configz, or the kubelet defaults (its configz unread) */
        thresholds: z.enum(['configz', 'defaults']),
      }),
    ),
    /** nodes whose stats/summary answered (the headroom is the smallest among these) */
    statsRead: z.number(),
    /** distinct effective kubelet configs (canonical hash of configz) among the nodes that answered */
    variants: z.number(),
    configzRead: z.number(),
    /** the sweeps did not finish within the context's deadline: the figures cover the nodes read so far */
    partial: z.boolean(),
  }),
  failed,
]);
export type KubeletPart = z.infer<typeof KubeletPartSchema>;

const ContextRefSchema = z.object({ name: z.string(), server: z.string() });

export const ClusterEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), contexts: z.array(ContextRefSchema), deadlineMs: z.number() }),
  z.object({ type: z.literal('api'), context: z.string(), api: ApiPartSchema, ms: z.number() }),
  z.object({ type: z.literal('nodes'), context: z.string(), nodes: NodesPartSchema, ms: z.number() }),
  z.object({ type: z.literal('csrs'), context: z.string(), csrs: CsrPartSchema, ms: z.number() }),
  z.object({ type: z.literal('kubelets'), context: z.string(), kubelets: KubeletPartSchema, ms: z.number() }),
  z.object({ type: z.literal('end'), ms: z.number() }),
]);
export type ClusterEvent = z.infer<typeof ClusterEventSchema>;

/** One row of the overview as the browser assembles it from the events (a part is undefined until it arrives). */
export interface ClusterRow {
  context: string;
  server: string;
  api?: ApiPart;
  nodes?: NodesPart;
  csrs?: CsrPart;
  kubelets?: KubeletPart;
}

/** `?contexts=a,b`: the contexts to include (kubeconfig names); absent = every context. */
export function parseContextsParam(value: string | null): string[] | undefined {
  if (value === null) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(names)].slice(0, 200);
}

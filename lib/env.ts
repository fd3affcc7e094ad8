import 'server-only';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The server's environment, validated once. Every variable is optional; the README lists them from here.
 */
const EnvSchema = z.object({
  /** Kubeconfig files, separated by ':' (';' on Windows) and merged like kubectl: the first file to set a value wins. */
  KUBECONFIG: z.string().optional(),
  /** Context used when the request names none (no `kd-context` cookie); default: the kubeconfig's current-context. */
  KUBE_CONTEXT: z.string().min(1).optional(),
  /** Deadline for one kubelet request through the apiserver's node proxy (configz, stats/summary), in ms. */
  KD_KUBELET_TIMEOUT_MS: positiveInt(4000),
  /** Largest kubelet response we read (configz, stats/summary); larger bodies fail with 502. Default 8 MiB. */
  KD_MAX_BODY_BYTES: positiveInt(8 * 1024 * 1024),
  /** Deadline for one apiserver request (one page of a list, a get), in ms. */
  KD_API_TIMEOUT_MS: positiveInt(15_000),
  /** Largest apiserver response page we read; pages are requested 500 objects at a time. Default 64 MiB. */
  KD_MAX_API_BODY_BYTES: positiveInt(64 * 1024 * 1024),
  /** Objects per page when listing nodes and pods (`limit` / `continue` chunking, as kubectl does with 500). */
  KD_LIST_PAGE_SIZE: positiveInt(500),
  // Fleet sweeps (lib/fleet): one shared sweep per kube identity serves every viewer. Unset values come from
  // KD_FLEET_PRESET, then from the defaults noted here; lib/fleet/settings.ts resolves and clamps them.
  /** `gentle` for fragile control planes: 8 in flight, 50 req/s, burst 20, refresh 60 s (see lib/fleet/settings.ts). */
  KD_FLEET_PRESET: z.enum(['default', 'gentle']).default('default'),
  /** Kubelet proxy requests in flight at once across the fleet layer (default 32; values above 64 are capped). */
  KD_FLEET_CONCURRENCY: z.coerce.number().int().positive().optional(),
  /** Token-bucket rate for kubelet proxy requests, per second (default 2000: the in-flight bound is what bites). */
  KD_FLEET_RATE_QPS: z.coerce.number().positive().optional(),
  /** Token-bucket burst (default 200). */
  KD_FLEET_BURST: z.coerce.number().int().positive().optional(),
  /** How often a watched sweep re-reads stats/summary and NodeMetrics/pod totals go stale, in ms (default 15000). */
  KD_FLEET_REFRESH_MS: z.coerce.number().int().min(1000).optional(),
});
export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Parses `process.env` on first use; a bad value throws a ZodError naming the variable. */
export function env(): Env {
  cached ??= EnvSchema.parse(process.env);
  return cached;
}

/** Tests change variables between cases; this drops the cached parse. */
export function resetEnvForTests(): void {
  cached = undefined;
}

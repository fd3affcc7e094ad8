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

import 'server-only';
import { z } from 'zod';
import { parseHostPort, type HostPattern } from '@/lib/domain/host-names';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every environment variable the app reads is read and parsed here, nowhere else (lint enforces it), in three
 * sections so that one bad value cannot take an unrelated module down at import time:
 * - `env()`: cluster access and the fleet layer, parsed on first use (a bad value answers every request with a
 *   422 naming it, and /readyz with a 503);
 * - `authEnv()`: the auth section; lib/auth/config.ts checks its rules and explains a bad value as the auth
 *   misconfiguration it is (instrumentation.ts refuses to start on one);
 * - `logLevel()`: read once when the logger is built.
 * Left to the framework: NODE_ENV and NEXT_RUNTIME (Next inlines them), and KD_STANDALONE in next.config.ts (a
 * build setting). Every variable is optional; the README lists them from here.
 */
const EnvSchema = z.object({
  /** Interface the server listens on (`npm start`, `npm run demo`, the Dockerfile); unset means 127.0.0.1. */
  HOST: z.string().trim().min(1).optional(),
  /**
   * Host names (`name` for any port, `name:port` for one), comma-separated, that the dashboard answers to besides
   * the loopback names and HOST; every other Host gets 403 (DNS rebinding, lib/security/allowed-hosts.ts).
   * Required in the shared modes when HOST is beyond loopback.
   */
  KD_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((list, ctx): HostPattern[] => {
      const entries = (list ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      return entries.flatMap((entry) => {
        const parsed = parseHostPort(entry);
        if (!parsed)
          ctx.addIssue({
            code: 'custom',
            message: `"${entry.slice(0, 100)}" is not a host name or name:port (no scheme, path or wildcard)`,
          });
        return parsed ? [parsed] : [];
      });
    }),
  /**
   * `true` when every request arrives through a proxy that terminates TLS and sets X-Forwarded-Proto itself
   * (overwriting what the client sent): then `X-Forwarded-Proto: https` means TLS, which turns on HSTS and
   * Secure cookies (lib/security/request-protocol.ts). Default false: `next start` itself only speaks http.
   */
  KD_TRUST_FORWARDED_PROTO: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Kubeconfig files, separated by ':' (';' on Windows) and merged like kubectl: the first file to set a value wins. */
  KUBECONFIG: z.string().optional(),
  /**
   * Shared mode: a kubeconfig-format file whose `clusters:` (name, server, CA) are the only clusters a signed-in
   * user may add to their session with their own token (lib/k8s/shared-clusters.ts). Nothing else in the file is
   * read. Unset: users cannot add clusters (the server never connects to a cluster the operator did not list).
   */
  KD_SHARED_CLUSTERS_FILE: z.string().trim().min(1).optional(),
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
  /**
   * Admission (lib/server/admission.ts): API requests in progress at once (until their body is sent); more get
   * 503 with Retry-After instead of queueing behind each other and the probes. Event streams have their own bound.
   */
  KD_MAX_CONCURRENT_REQUESTS: positiveInt(16),
  KD_MAX_BULK_RESPONSES: positiveInt(4),
  KD_MAX_STREAMS: positiveInt(256),
  /**
   * Port of the probe listener (lib/server/probe-listener.ts): /healthz and /readyz answered on their own thread,
   * on HOST, so that a busy main event loop never delays a kubelet probe. Unset: no extra port (local use).
   */
  KD_PROBE_PORT: z.coerce.number().int().min(1).max(65535).optional(),
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
  /** A kubelet read on the wire this long, with no other read queued, is asked a second time (lib/fleet/kubelet-reads.ts); 0 never. */
  KD_KUBELET_HEDGE_MS: z.coerce.number().int().min(0).optional(),
  /** How often a watched sweep re-reads stats/summary and NodeMetrics/pod totals go stale, in ms (default 15000). */
  KD_FLEET_REFRESH_MS: z.coerce.number().int().min(1000).optional(),
  /** How far back each node's eviction-signal history reaches (lib/fleet/signal-history.ts), in minutes; 0 keeps none. */
  KD_HISTORY_MINUTES: z.coerce.number().int().min(0).max(360).default(60),
  /** Set by Kubernetes in every pod: with the ServiceAccount's files, the in-cluster configuration is used. */
  KUBERNETES_SERVICE_HOST: z.string().optional(),
});
export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Parses `process.env` on first use; a bad value throws a ZodError naming the variable. */
export function env(): Env {
  cached ??= EnvSchema.parse(process.env);
  return cached;
}

const PortSchema = z.coerce.number().int().min(1).max(65535).optional();

/**
 * The port the server listens on. Read on every call, not cached with env(): `next start --port N` stores N in
 * PORT only once it is listening (next/dist/server/lib/start-server.js). Undefined when unknown (unit tests).
 */
export function listeningPort(): number | undefined {
  const parsed = PortSchema.safeParse(process.env.PORT || undefined);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Tests change variables between cases; this drops the cached parse.
 * @internal for tests
 */
export function resetEnvForTests(): void {
  cached = undefined;
}

export const AUTH_MODES = ['local', 'shared', 'proxy-header'] as const;

/** The auth section's syntax; its rules (a secret long enough for shared mode…) are lib/auth/config.ts's. */
const AuthEnvSchema = z.object({
  /** `local` (kubeconfig), `shared` (users sign in with a token), `proxy-header` (an auth proxy passes it). */
  KD_AUTH_MODE: z.enum(AUTH_MODES).default('local'),
  /** Key material for the session cookie (HKDF-derived AES-256-GCM key) and the CSRF HMAC. */
  KD_SESSION_SECRET: z.string().optional(),
  /** How long a sign-in lasts at most, in seconds (default 8 h); the cluster may reject the token sooner. */
  KD_SESSION_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(8 * 3600),
});

/** The auth variables of `source` (default: the process's) as a safeParse result, for lib/auth/config.ts to judge. */
export function authEnv(source: Record<string, string | undefined> = process.env) {
  return AuthEnvSchema.safeParse(source);
}

const LogEnvSchema = z.object({
  /** pino level of the JSON logs. */
  KD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** KD_LOG_LEVEL (default `info`); a value pino does not know throws, naming the variable. */
export function logLevel(): z.infer<typeof LogEnvSchema>['KD_LOG_LEVEL'] {
  return LogEnvSchema.parse(process.env).KD_LOG_LEVEL;
}

import 'server-only';
import { env, type Env } from '@/lib/env';

/** Resolved fleet settings: what the pool, the rate limiter and the sweeps run with. */
export interface FleetSettings {
  preset: 'default' | 'gentle';
  /** kubelet proxy requests in flight at once, 1…HARD_MAX_CONCURRENCY */
  concurrency: number;
  /** token-bucket refill, requests per second */
  qps: number;
  /** token-bucket size: requests that may start at once after a quiet spell */
  burst: number;
  /** deadline of one kubelet request (KD_KUBELET_TIMEOUT_MS) */
  timeoutMs: number;
  /** stats re-read period of a watched sweep; NodeMetrics and pod totals go stale after it */
  refreshMs: number;
  /** configz is re-read after this even if nothing suggests it changed */
  configzTtlMs: number;
  /** a page (node detail, explain) accepts a cached configz this old at most (default: one refresh period) */
  configzPageMaxAgeMs: number;
  /** a page's stats/summary is shared by every viewer of the node for this long */
  summaryMaxAgeMs: number;
  /** attempts per read, first included (retries only transient failures; see retry.ts) */
  attempts: number;
  /** a read on the wire this long, while no other read is queued, is sent a second time (kubelet-reads.ts); 0 never */
  hedgeMs: number;
  /** a read on the wire this long marks its node pending (a straggler: ~15× the usual kubelet answer) until it answers or times out */
  straggleMs: number;
  /** body caps for fleet reads: many bodies are in flight at once, so lower than KD_MAX_BODY_BYTES */
  maxConfigzBytes: number;
  maxStatsBytes: number;
  /** how far back each node's signal history reaches (KD_HISTORY_MINUTES); 0 keeps none */
  historyWindowMs: number;
}

/**
 * Never more than this many kubelet requests in flight, whatever KD_FLEET_CONCURRENCY says: each one is a
 * proxied connection through the apiserver, which counts it against --max-requests-inflight (default 400).
 */
const HARD_MAX_CONCURRENCY = 64;

/**
 * `default.concurrency`: a sweep is bound by in-flight requests × their latency (Little's law), not by CPU. Against
 * kubelets answering in a median 30 ms with 1 % taking ~1 s and 0.2 % never answering (the scale sim's model,
 * sim/fleet/create-fleet.ts), a slot is held ~55 ms on average: 32 slots read ~580 nodes/s and marked 5,000 nodes
 * in 8.6 s, settling ~4 s later when the last hung reads time out. 48 slots read ~870 nodes/s: every node
 * marked in under 6 s and settled within the 10 s a viewer should wait (BENCHMARKS.md, `server` section). 48 is
 * 12 % of kube-apiserver's default --max-requests-inflight (400); `gentle` is for control planes that cannot spare it.
 */
const PRESETS = {
  // hedgeMs: above the ~1 s a healthy kubelet's slowest answers take (the sim's 1 % tail), ¼ of the deadline
  default: { concurrency: 48, qps: 2000, burst: 200, refreshMs: 15_000, hedgeMs: 1000 },
  // For small or overloaded control planes: a 5,000-node sweep then takes ~100 s instead of ~5 s; no second asks.
  gentle: { concurrency: 8, qps: 50, burst: 20, refreshMs: 60_000, hedgeMs: 0 },
} as const;

/** Env → settings: an explicit variable beats the preset, the preset beats the default; concurrency is capped. */
function resolveFleetSettings(e: Env): FleetSettings {
  const preset = PRESETS[e.KD_FLEET_PRESET];
  const refreshMs = e.KD_FLEET_REFRESH_MS ?? preset.refreshMs;
  return {
    preset: e.KD_FLEET_PRESET,
    concurrency: Math.min(HARD_MAX_CONCURRENCY, e.KD_FLEET_CONCURRENCY ?? preset.concurrency),
    qps: e.KD_FLEET_RATE_QPS ?? preset.qps,
    burst: e.KD_FLEET_BURST ?? preset.burst,
    timeoutMs: e.KD_KUBELET_TIMEOUT_MS,
    refreshMs,
    configzTtlMs: 30 * 60_000,
    configzPageMaxAgeMs: refreshMs,
    // the node page polls stats/summary every 10 s (lib/queries/node-detail.ts): half of that keeps its chart live
    summaryMaxAgeMs: 5000,
    attempts: 2,
    hedgeMs: e.KD_KUBELET_HEDGE_MS ?? preset.hedgeMs,
    straggleMs: 500,
    maxConfigzBytes: Math.min(e.KD_MAX_BODY_BYTES, 1024 * 1024),
    maxStatsBytes: Math.min(e.KD_MAX_BODY_BYTES, 4 * 1024 * 1024),
    historyWindowMs: e.KD_HISTORY_MINUTES * 60_000,
  };
}

export const fleetSettings = (): FleetSettings => resolveFleetSettings(env());

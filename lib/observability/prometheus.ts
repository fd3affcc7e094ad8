import 'server-only';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics for /metrics. One registry per process, kept on globalThis so that Next's dev-mode
 * module reloading doesn't register the same metric twice.
 */
interface DashboardMetrics {
  registry: Registry;
  apiRequests: Counter<'endpoint' | 'outcome'>;
  apiLatency: Histogram<'endpoint'>;
  sweepDuration: Histogram<'kind'>;
  cacheLookups: Counter<'cache' | 'result'>;
  hedgedReads: Counter<'kind'>;
}

const KEY = Symbol.for('kubelet-dashboard.metrics');
type WithMetrics = typeof globalThis & { [KEY]?: DashboardMetrics };

function create(): DashboardMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kd_' });
  return {
    registry,
    apiRequests: new Counter({
      name: 'kd_apiserver_requests_total',
      help: 'Requests to the Kubernetes API server by endpoint kind and outcome (ok, or the error reason).',
      labelNames: ['endpoint', 'outcome'],
      registers: [registry],
    }),
    apiLatency: new Histogram({
      name: 'kd_apiserver_request_duration_seconds',
      help: 'Latency of requests to the Kubernetes API server by endpoint kind.',
      labelNames: ['endpoint'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
      registers: [registry],
    }),
    sweepDuration: new Histogram({
      name: 'kd_fleet_sweep_duration_seconds',
      help: 'Wall time of one fleet sweep (configz or stats) across all nodes.',
      labelNames: ['kind'],
      buckets: [0.5, 1, 2, 5, 10, 20, 40],
      registers: [registry],
    }),
    cacheLookups: new Counter({
      name: 'kd_cache_lookups_total',
      help: 'Shared cache lookups by cache and result (hit, miss, coalesced).',
      labelNames: ['cache', 'result'],
      registers: [registry],
    }),
    hedgedReads: new Counter({
      name: 'kd_kubelet_hedged_reads_total',
      help: 'Kubelet reads asked a second time because the first ask was late (lib/fleet/kubelet-reads.ts), by endpoint (configz, stats, summary).',
      labelNames: ['kind'],
      registers: [registry],
    }),
  };
}

export function metrics(): DashboardMetrics {
  const g = globalThis as WithMetrics;
  g[KEY] ??= create();
  return g[KEY];
}

/**
 * Times one API-server call and counts its outcome. `endpoint` is a small fixed set (e.g. "nodes.list",
 * "proxy.configz"), never a URL, so label cardinality stays bounded. A call that resolves may still have
 * failed at the HTTP level: `outcomeOf` names that outcome (default "ok"); a throw counts the error's reason.
 */
/** Kubernetes Status reasons of the HTTP codes client-node's ApiException carries (it has no reason of its own). */
const REASON_OF_CODE: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** The outcome label of a failed call: an AppError's reason, an HTTP error's Status reason, else "error". */
function failureOutcome(err: unknown): string {
  if (err instanceof Error && 'reason' in err && typeof err.reason === 'string') return err.reason;
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  if (typeof code === 'number' && code >= 400 && code < 600) return REASON_OF_CODE[code] ?? `HTTP${code}`;
  return 'error';
}

export async function observeApiCall<T>(
  endpoint: string,
  call: () => Promise<T>,
  outcomeOf?: (result: T) => string,
): Promise<T> {
  const m = metrics();
  const end = m.apiLatency.startTimer({ endpoint });
  try {
    const result = await call();
    m.apiRequests.inc({ endpoint, outcome: outcomeOf ? outcomeOf(result) : 'ok' });
    return result;
  } catch (err) {
    m.apiRequests.inc({ endpoint, outcome: failureOutcome(err) });
    throw err;
  } finally {
    end();
  }
}

import 'server-only';
import { env } from '@/lib/env';
import { log } from '@/lib/observability/log';

/**
 * Bounded admission (issue 19, item 3). One Node process serves every viewer on one event loop: without a bound,
 * 200 clients polling the node list queued thousands of milliseconds of work in front of every new connection,
 * and a liveness probe that waited 30 s behind them restarted a healthy pod. Past the bound a request gets 503
 * with Retry-After at once (what the browser's query layer retries after, and what a load balancer understands)
 * instead of a place in an unbounded queue. The probes (/healthz, /readyz) never pass through a gate.
 */
export type GateName = 'api' | 'streams';

/** Seconds a shed client is told to wait: long enough for the in-flight work to drain. */
const RETRY_AFTER_S: Record<GateName, number> = { api: 2, streams: 10 };

export class Gate {
  inFlight = 0;
  /** requests answered 503 since start */
  shed = 0;
  private lastLog = 0;

  constructor(
    readonly name: GateName,
    readonly limit: number,
  ) {}

  /** A leave function when admitted (call it exactly once when the work is done), undefined when full. */
  tryEnter(): (() => void) | undefined {
    if (this.inFlight >= this.limit) {
      this.shed++;
      const now = Date.now();
      if (now - this.lastLog > 10_000) {
        this.lastLog = now;
        log.warn({ gate: this.name, limit: this.limit, shed: this.shed }, 'admission: at the bound, answering 503');
      }
      return undefined;
    }
    this.inFlight++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.inFlight--;
    };
  }
}

// On globalThis so Next's module instances (and dev reloads) share one count per process.
const KEY = Symbol.for('kubelet-dashboard.admission');
type WithGates = typeof globalThis & { [KEY]?: Map<GateName, Gate> };

export function gate(name: GateName): Gate {
  const g = globalThis as WithGates;
  const gates = (g[KEY] ??= new Map());
  let found = gates.get(name);
  if (!found) {
    const e = env();
    found = new Gate(name, name === 'api' ? e.KD_MAX_CONCURRENT_REQUESTS : e.KD_MAX_STREAMS);
    gates.set(name, found);
  }
  return found;
}

/** Forgets the gates (tests change the bounds through the environment). */
export function resetGatesForTests(): void {
  (globalThis as WithGates)[KEY]?.clear();
}

/** The 503 a shed request gets: a Status body, Retry-After, never cached. */
export function busyResponse(name: GateName): Response {
  const retryAfter = RETRY_AFTER_S[name];
  return Response.json(
    {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'ServiceUnavailable',
      code: 503,
      message: `The dashboard is serving as many ${name === 'streams' ? 'live streams' : 'requests'} as it can (${gate(name).limit}); retry in ${retryAfter} s.`,
    },
    { status: 503, headers: { 'retry-after': String(retryAfter), 'cache-control': 'no-store' } },
  );
}

/** Runs `handle` inside the API gate, or answers 503 at once when the gate is full. */
export async function admitted(handle: () => Promise<Response>): Promise<Response> {
  const leave = gate('api').tryEnter();
  if (!leave) return busyResponse('api');
  try {
    return await handle();
  } finally {
    leave();
  }
}

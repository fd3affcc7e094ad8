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
/**
 * `bulk`: answers that are megabytes at fleet scale (the node list: ~0.3 KB per node). They get their own, smaller
 * bound: at 5,000 nodes 16 of them in progress at once shared the CPU so thinly that each took 10–20 s to send
 * (`npm run bench -- load`); fewer at a time finish sooner for the same throughput (Little's law), and a click
 * elsewhere (a CSR decision, a node page) is never refused because node lists filled the `api` gate.
 */
export type GateName = 'api' | 'bulk' | 'streams';

/** Seconds a shed client is told to wait: long enough for the in-flight work to drain. */
const RETRY_AFTER_S: Record<GateName, number> = { api: 2, bulk: 2, streams: 10 };

const LIMIT_OF: Record<GateName, (e: ReturnType<typeof env>) => number> = {
  api: (e) => e.KD_MAX_CONCURRENT_REQUESTS,
  bulk: (e) => e.KD_MAX_BULK_RESPONSES,
  streams: (e) => e.KD_MAX_STREAMS,
};

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
    found = new Gate(name, LIMIT_OF[name](env()));
    gates.set(name, found);
  }
  return found;
}

/** Forgets the gates (tests change the bounds through the environment). @internal */
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

/** A slot is given back after this long whatever happens to the body (a client that vanished unnoticed). */
const BODY_HOLD_MAX_MS = 60_000;

/**
 * Runs `handle` inside gate `name` (the API gate unless said), or answers 503 at once when the gate is full. The place is held until the
 * response body has been read to its end or cancelled, not only until the handler returns: at 5,000 nodes the
 * expensive part of the node list is sending (and Next's gzip of) megabytes, after the handler is done.
 */
export async function admitted(handle: () => Promise<Response>, name: GateName = 'api'): Promise<Response> {
  const leave = gate(name).tryEnter();
  if (!leave) return busyResponse(name);
  let res: Response;
  try {
    res = await handle();
  } catch (err) {
    leave();
    throw err;
  }
  if (!res.body) {
    leave();
    return res;
  }
  const reader = res.body.getReader();
  const safety = setTimeout(leave, BODY_HOLD_MAX_MS);
  safety.unref?.();
  const done = () => {
    clearTimeout(safety);
    leave();
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: end, value } = await reader.read();
        if (end) {
          done();
          controller.close();
        } else controller.enqueue(value);
      } catch (err) {
        done();
        controller.error(err);
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/** `bytes` as a stream of 64 KiB chunks, so the reader's backpressure paces it (and the gate sees its end). */
export function chunkedBody(bytes: Uint8Array): ReadableStream<Uint8Array> {
  const CHUNK = 64 * 1024;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
}

import 'server-only';
import { env } from '@/lib/env';
import { foregroundRequestStarted } from '@/lib/fleet/loop-pressure';
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

/** The shortest wait a shed client is told (Retry-After, seconds): long enough for the in-flight work to drain. */
const RETRY_AFTER_S: Record<GateName, number> = { api: 2, bulk: 2, streams: 10 };
/** The longest: a viewer told to wait longer would rather see an error than a spinner. */
const RETRY_AFTER_MAX_S = 30;
/** How far back completions are counted for the gate's throughput. */
const THROUGHPUT_WINDOW_MS = 5_000;

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
  /** when recent requests left the gate (its throughput), oldest first; pruned as it grows */
  private readonly completions: number[] = [];
  /** shed clients still waiting to retry, counted by the second their Retry-After ends (at most 30 keys) */
  private readonly waitingUntil = new Map<number, number>();

  constructor(
    readonly name: GateName,
    readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Retry-After for a request shed now, in whole seconds, and that client counted as waiting until then. A fixed
   * value brings every shed client back in the same second: under the load bench 200 node-list clients retried in
   * lockstep every 2 s, each wave cost the event loop a burst of 503s, and the wave after it was shed again.
   * Instead the wait spreads the clients over the time the gate needs to serve those already waiting (Little's
   * law: clients waiting ÷ answers per second), drawn uniformly, so they come back at about the rate they can be
   * answered.
   */
  retryAfter(random: () => number = Math.random): number {
    const base = RETRY_AFTER_S[this.name];
    const now = this.now();
    const second = Math.floor(now / 1000);
    let waiting = 0;
    for (const [until, count] of this.waitingUntil) {
      if (until <= second) this.waitingUntil.delete(until);
      else waiting += count;
    }
    prune(this.completions, now - THROUGHPUT_WINDOW_MS);
    const perSecond = this.completions.length / (THROUGHPUT_WINDOW_MS / 1000);
    // nothing finished lately (a cold start, or answers slower than the window): assume one per second
    const drainS = waiting / Math.max(perSecond, 1);
    const wait = Math.min(RETRY_AFTER_MAX_S, base + Math.floor(random() * Math.ceil(drainS)));
    this.waitingUntil.set(second + wait, (this.waitingUntil.get(second + wait) ?? 0) + 1);
    return wait;
  }

  /** A leave function when admitted (call it exactly once when the work is done), undefined when full. */
  tryEnter(): (() => void) | undefined {
    if (this.inFlight >= this.limit) {
      this.shed++;
      const now = this.now();
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
      const now = this.now();
      prune(this.completions, now - THROUGHPUT_WINDOW_MS);
      this.completions.push(now);
    };
  }
}

/** Drops the timestamps before `since` from the front of a time-ordered list. */
function prune(times: number[], since: number): void {
  let i = 0;
  while (i < times.length && (times[i] as number) < since) i++;
  if (i > 0) times.splice(0, i);
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

/**
 * A page is being rendered for someone (the root layout calls this per request): background sweeps give way for the
 * next 2 s while the loop is congested, as they do for API requests (lib/fleet/loop-pressure.ts). Pages pass through
 * no gate; a second tab opened while the first one's sweep ran waited for its HTML behind that sweep.
 */
export function notePageRequest(): void {
  foregroundRequestStarted()();
}

/** The 503 a shed request gets: a Status body, Retry-After, never cached. */
export function busyResponse(name: GateName): Response {
  const retryAfter = gate(name).retryAfter();
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
  // someone is waiting for this answer: background sweeps give way while the loop is congested (loop-pressure.ts)
  const served = foregroundRequestStarted();
  const entered = gate(name).tryEnter();
  if (!entered) {
    served();
    return busyResponse(name);
  }
  const leave = () => {
    served();
    entered();
  };
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

import 'server-only';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Background kubelet reads give way when the event loop is congested and someone is waiting for an answer. libuv
 * accepts one new connection per turn of the loop (libuv/libuv#3696), and a 5,000-node sweep at full width (48 in
 * flight) made the turns long enough that, with 100 viewers streaming, 200 clients connecting at once waited up to
 * 8.5 s to be accepted (`npm run bench -- load`); the same run with the sweep 12 wide kept every request under
 * 3.2 s and answered more node lists. So the fleet limiter lets background work (sweeps, warming) use only a
 * quarter of its slots while the loop's mean delay is high and requests are being served, and all of them again
 * once the loop is clear or nobody is waiting; a person's reads (interactive) always get every slot.
 *
 * "Someone waiting" matters: a sweep congests the loop by itself at its start (parsing its first answers), and
 * narrowing it then, with no request to make room for, only made it slower (an idle configz sweep settled 8.6 →
 * 10.8 s, `npm run bench -- server`). Demand is what lib/server/admission.ts reports: a request through the api or
 * bulk gate in progress, or one that began or ended (or was shed) within the last DEMAND_HOLD_MS. Long-lived
 * event streams are not demand: their viewers want the sweep done.
 */
const SAMPLE_MS = 500;
/** mean event-loop delay (ms) over a sample above which background reads narrow, and below which they widen */
const CONGESTED_MS = 30;
const CLEAR_MS = 10;
const CONGESTED_SHARE = 0.25;
/** how long after a request's start or end the loop still counts as serving someone (a poller's next request) */
const DEMAND_HOLD_MS = 2_000;

/**
 * The share of the limiter's slots background reads may use after a sample with `meanDelayMs` of event-loop delay,
 * given the current share (between the two thresholds it stays, so it does not flap) and whether requests are
 * being served.
 * @internal exported for its unit test
 */
export function nextBackgroundShare(current: number, meanDelayMs: number, demand: boolean): number {
  if (!demand) return 1;
  if (meanDelayMs > CONGESTED_MS) return CONGESTED_SHARE;
  if (meanDelayMs < CLEAR_MS) return 1;
  return current;
}

interface PressureState {
  share: number;
  /** foreground requests in progress */
  inFlight: number;
  /** when a foreground request last began or ended (ms, Date.now) */
  lastDemandMs: number;
  monitoring: boolean;
}

// On globalThis: Next bundles this module into several route chunks, and they must share one count per process.
const KEY = Symbol.for('kubelet-dashboard.loop-pressure');
type WithPressure = typeof globalThis & { [KEY]?: PressureState };

function state(): PressureState {
  const g = globalThis as WithPressure;
  return (g[KEY] ??= { share: 1, inFlight: 0, lastDemandMs: Number.NEGATIVE_INFINITY, monitoring: false });
}

/**
 * Whether requests are being served at `now`: one in progress, or one began or ended within DEMAND_HOLD_MS.
 * @internal exported for its unit test
 */
export function foregroundDemand(now: number = Date.now()): boolean {
  const s = state();
  return s.inFlight > 0 || now - s.lastDemandMs < DEMAND_HOLD_MS;
}

/** A foreground request began (lib/server/admission.ts); call the returned function exactly once when it ends. */
export function foregroundRequestStarted(now: () => number = Date.now): () => void {
  const s = state();
  s.inFlight++;
  s.lastDemandMs = now();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    s.inFlight--;
    s.lastDemandMs = now();
  };
}

/** The current background share (1 = every slot); starts the process-wide delay monitor on first use. */
export function backgroundShare(): number {
  const s = state();
  if (!s.monitoring) {
    s.monitoring = true;
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    setInterval(() => {
      // mean is in ns, and counts from the timer's due time: an idle loop reads ~0
      s.share = nextBackgroundShare(s.share, histogram.mean / 1e6, foregroundDemand());
      histogram.reset();
    }, SAMPLE_MS).unref();
  }
  return s.share;
}

import 'server-only';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Background kubelet reads give way when the event loop is congested. libuv accepts one new connection per turn of
 * the loop (libuv/libuv#3696), and a 5,000-node sweep at full width (48 in flight) made the turns long enough
 * that, with 100 viewers streaming, 200 clients connecting at once waited up to 8.5 s to be accepted (`npm run
 * bench -- load`); the same run with the sweep 12 wide kept every request under 3.2 s and answered more node lists.
 * So the fleet limiter lets background work (sweeps, warming) use only a quarter of its slots while the loop's
 * mean delay is high, and all of them again once it is low; a person's reads (interactive) always get every slot.
 */
const SAMPLE_MS = 500;
/** mean event-loop delay (ms) over a sample above which background reads narrow, and below which they widen */
const CONGESTED_MS = 30;
const CLEAR_MS = 10;
const CONGESTED_SHARE = 0.25;

/**
 * The share of the limiter's slots background reads may use after a sample with `meanDelayMs` of event-loop delay,
 * given the current share (between the two thresholds it stays, so it does not flap).
 * @internal exported for its unit test
 */
export function nextBackgroundShare(current: number, meanDelayMs: number): number {
  if (meanDelayMs > CONGESTED_MS) return CONGESTED_SHARE;
  if (meanDelayMs < CLEAR_MS) return 1;
  return current;
}

const KEY = Symbol.for('kubelet-dashboard.loop-pressure');
type WithPressure = typeof globalThis & { [KEY]?: { share: number } };

/** The current background share (1 = every slot); starts the process-wide delay monitor on first use. */
export function backgroundShare(): number {
  const g = globalThis as WithPressure;
  let state = g[KEY];
  if (!state) {
    const s = { share: 1 };
    state = g[KEY] = s;
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    setInterval(() => {
      // mean is in ns, and counts from the timer's due time: an idle loop reads ~0
      s.share = nextBackgroundShare(s.share, histogram.mean / 1e6);
      histogram.reset();
    }, SAMPLE_MS).unref();
  }
  return state.share;
}

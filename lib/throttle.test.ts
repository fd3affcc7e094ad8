import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first request of a quiet spell at once, then at most once per period', () => {
    const run = vi.fn();
    const t = throttle(run, () => 250, { now: () => Date.now() });
    t.request();
    t.request(); // same task: one run
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
    t.request();
    vi.advanceTimersByTime(249);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
    // nothing requested: nothing more
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(2);
    // a request after a quiet spell goes out at once again
    t.request();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('reads the period at each request (a broadcast whose audience grew waits longer)', () => {
    let period = 100;
    const run = vi.fn();
    const t = throttle(run, () => period, { now: () => Date.now() });
    t.request();
    vi.advanceTimersByTime(0);
    period = 1000;
    t.request();
    vi.advanceTimersByTime(999);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('runNow runs at once, drops the pending run and starts a period', () => {
    const run = vi.fn();
    const t = throttle(run, () => 250, { now: () => Date.now() });
    t.request();
    vi.advanceTimersByTime(100); // ran at 0
    t.request(); // pending until 250
    t.runNow(); // at 100
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(150);
    expect(run).toHaveBeenCalledTimes(2); // the pending run was dropped
    t.request(); // at 250: within the period runNow started at 100
    vi.advanceTimersByTime(99);
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('a run with nothing to do does not start a period', () => {
    let pending = false;
    const run = vi.fn(() => pending);
    const t = throttle(run, () => 250, { now: () => Date.now() });
    t.runNow(); // nothing pending
    pending = true;
    t.request();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(2); // at once: the empty run did not count
  });

  it('cancel drops a pending run', () => {
    const run = vi.fn();
    const t = throttle(run, () => 250, { now: () => Date.now() });
    t.request();
    t.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});

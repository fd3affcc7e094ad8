import { describe, expect, it } from 'vitest';
import { foregroundDemand, foregroundRequestStarted, nextBackgroundShare } from './loop-pressure';

describe('nextBackgroundShare: background reads narrow while the event loop is congested and requests wait', () => {
  it('narrows to a quarter above 30 ms of mean delay and widens again below 10 ms', () => {
    expect(nextBackgroundShare(1, 45, true)).toBe(0.25);
    expect(nextBackgroundShare(0.25, 5, true)).toBe(1);
  });
  it('keeps its current share in between, so it does not flap', () => {
    expect(nextBackgroundShare(0.25, 20, true)).toBe(0.25);
    expect(nextBackgroundShare(1, 20, true)).toBe(1);
  });
  it('keeps every slot while nobody waits, however congested the loop (a sweep alone is not slowed)', () => {
    expect(nextBackgroundShare(1, 200, false)).toBe(1);
    expect(nextBackgroundShare(0.25, 45, false)).toBe(1);
  });
});

describe('foregroundDemand: requests in progress, or begun or ended within the last 2 s', () => {
  it('is false before any request, true while one runs however long, and for 2 s after its end', () => {
    let t = 1_000_000_000;
    expect(foregroundDemand(t)).toBe(false);
    const end = foregroundRequestStarted(() => t);
    t += 60_000;
    expect(foregroundDemand(t)).toBe(true);
    end();
    end(); // a second call is ignored: the count never goes below what is in flight
    expect(foregroundDemand(t + 1_999)).toBe(true);
    expect(foregroundDemand(t + 2_000)).toBe(false);
  });
  it('counts overlapping requests: demand lasts until the last one ends', () => {
    let t = 2_000_000_000;
    const a = foregroundRequestStarted(() => t);
    const b = foregroundRequestStarted(() => t);
    a();
    t += 10_000;
    expect(foregroundDemand(t)).toBe(true);
    b();
    expect(foregroundDemand(t + 2_000)).toBe(false);
  });
});

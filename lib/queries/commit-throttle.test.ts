import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commitThrottle } from './commit-throttle';

describe('commitThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('commits the first change of a quiet spell at once, then at most once per period', () => {
    const commit = vi.fn();
    const t = commitThrottle(commit, 250, () => Date.now());
    t.changed();
    t.changed(); // same task: one commit
    vi.advanceTimersByTime(0);
    expect(commit).toHaveBeenCalledTimes(1);
    t.changed();
    vi.advanceTimersByTime(249);
    expect(commit).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(commit).toHaveBeenCalledTimes(2);
    // nothing changed: nothing more
    vi.advanceTimersByTime(5000);
    expect(commit).toHaveBeenCalledTimes(2);
    // a change after a quiet spell goes out at once again
    t.changed();
    vi.advanceTimersByTime(0);
    expect(commit).toHaveBeenCalledTimes(3);
  });

  it('cancel drops a pending commit', () => {
    const commit = vi.fn();
    const t = commitThrottle(commit, 250, () => Date.now());
    t.changed();
    t.cancel();
    vi.advanceTimersByTime(1000);
    expect(commit).not.toHaveBeenCalled();
  });
});

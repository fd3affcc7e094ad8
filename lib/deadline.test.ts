import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadline } from './deadline';

describe('deadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('aborts after its time with a TimeoutError, and says the time ran out', () => {
    const d = deadline(500);
    vi.advanceTimersByTime(499);
    expect(d.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(d.signal.aborted).toBe(true);
    expect(d.timedOut).toBe(true);
    expect((d.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it("aborts with the parent's reason when the parent aborts first, which is not a timeout", () => {
    const parent = new AbortController();
    const d = deadline(500, parent.signal);
    parent.abort(new Error('client went away'));
    expect(d.signal.aborted).toBe(true);
    expect(d.timedOut).toBe(false);
    expect((d.signal.reason as Error).message).toBe('client went away');
    vi.advanceTimersByTime(1000);
    expect(d.timedOut).toBe(false);
  });

  it('is aborted at once under a parent already aborted', () => {
    const parent = new AbortController();
    parent.abort();
    expect(deadline(500, parent.signal).signal.aborted).toBe(true);
  });

  it('clear drops the timer and stops following the parent', () => {
    const parent = new AbortController();
    const d = deadline(500, parent.signal);
    d.clear();
    vi.advanceTimersByTime(1000);
    parent.abort();
    expect(d.signal.aborted).toBe(false);
  });
});

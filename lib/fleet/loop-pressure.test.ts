import { describe, expect, it } from 'vitest';
import { nextBackgroundShare } from './loop-pressure';

describe('nextBackgroundShare: background reads narrow while the event loop is congested', () => {
  it('narrows to a quarter above 30 ms of mean delay and widens again below 10 ms', () => {
    expect(nextBackgroundShare(1, 45)).toBe(0.25);
    expect(nextBackgroundShare(0.25, 5)).toBe(1);
  });
  it('keeps its current share in between, so it does not flap', () => {
    expect(nextBackgroundShare(0.25, 20)).toBe(0.25);
    expect(nextBackgroundShare(1, 20)).toBe(1);
  });
});

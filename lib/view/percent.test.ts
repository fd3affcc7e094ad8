import { describe, expect, it } from 'vitest';
import { percentLevel, percentOfAllocatable } from './percent';

describe('percentOfAllocatable', () => {
  it('truncates like kubectl top node', () => {
    expect(percentOfAllocatable(999, 1000)).toBe(99);
    expect(percentOfAllocatable(250, 4000)).toBe(6);
    expect(percentOfAllocatable(1000, 1000)).toBe(100);
  });

  it('can exceed 100 when usage is above allocatable', () => {
    expect(percentOfAllocatable(3 * 2 ** 30, 2 * 2 ** 30)).toBe(150);
  });

  it('is undefined without usage or without allocatable', () => {
    expect(percentOfAllocatable(null, 1000)).toBeUndefined();
    expect(percentOfAllocatable(undefined, 1000)).toBeUndefined();
    expect(percentOfAllocatable(10, 0)).toBeUndefined();
  });
});

describe('percentLevel', () => {
  it('bands at 75 and 90', () => {
    expect(percentLevel(74)).toBe('ok');
    expect(percentLevel(75)).toBe('warn');
    expect(percentLevel(90)).toBe('critical');
  });
});

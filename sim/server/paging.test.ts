import { describe, expect, it } from 'vitest';
import { decodeContinue, encodeContinue, lowerBound, parseLimit } from './paging';

describe('continue tokens', () => {
  it('round-trip the list resourceVersion and resume just after the last key', () => {
    const token = encodeContinue(42, 'kube-system/coredns-1');
    expect(token).not.toContain('coredns'); // opaque to clients
    const decoded = decodeContinue(token);
    expect(decoded.rv).toBe(42);
    expect(decoded.start > 'kube-system/coredns-1').toBe(true);
    expect(decoded.start < 'kube-system/coredns-2').toBe(true);
  });

  it('rejects tampered tokens with a 400', () => {
    expect(() => decodeContinue('not-a-token')).toThrow(/continue key is not valid/);
  });
});

describe('lowerBound', () => {
  it('finds the first key not less than the start', () => {
    const keys = ['a', 'b', 'b\u0000x', 'c'];
    expect(lowerBound(keys, 'b\u0000')).toBe(2);
    expect(lowerBound(keys, '')).toBe(0);
    expect(lowerBound(keys, 'z')).toBe(4);
  });
});

describe('parseLimit', () => {
  it('treats a missing limit as unlimited and rejects negatives', () => {
    expect(parseLimit(null)).toBe(0);
    expect(parseLimit('500')).toBe(500);
    expect(() => parseLimit('-1')).toThrow();
  });
});

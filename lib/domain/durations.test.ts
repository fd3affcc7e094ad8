import { describe, expect, it } from 'vitest';
import { formatGoDuration, normalizeGoDuration, parseGoDuration, tryParseGoDuration } from './durations';

describe('parseGoDuration', () => {
  it('reads the forms configz uses', () => {
    expect(parseGoDuration('1m0s')).toBe(60_000_000_000n);
    expect(parseGoDuration('4h0m0s')).toBe(14_400_000_000_000n);
    expect(parseGoDuration('100ms')).toBe(100_000_000n);
    expect(parseGoDuration('0s')).toBe(0n);
    expect(parseGoDuration('0')).toBe(0n);
  });
  it('accepts fractions, several parts, signs and both micro signs', () => {
    expect(parseGoDuration('1.5h')).toBe(5_400_000_000_000n);
    expect(parseGoDuration('1h30m0.5s')).toBe(5_400_500_000_000n);
    expect(parseGoDuration('-2m')).toBe(-120_000_000_000n);
    expect(parseGoDuration('3µs')).toBe(3_000n);
    expect(parseGoDuration('3us')).toBe(3_000n);
  });
  it('rejects bare numbers and unknown units', () => {
    expect(() => parseGoDuration('10')).toThrow(/not a Go duration/);
    expect(() => parseGoDuration('5d')).toThrow();
    expect(() => parseGoDuration('')).toThrow();
    expect(tryParseGoDuration('1x')).toBeUndefined();
    expect(tryParseGoDuration(42)).toBeUndefined();
  });
});

describe('formatGoDuration', () => {
  it('prints like Go Duration.String()', () => {
    expect(formatGoDuration(0n)).toBe('0s');
    expect(formatGoDuration(60_000_000_000n)).toBe('1m0s');
    expect(formatGoDuration(14_400_000_000_000n)).toBe('4h0m0s');
    expect(formatGoDuration(100_000_000n)).toBe('100ms');
    expect(formatGoDuration(1_500_000_000n)).toBe('1.5s');
    expect(formatGoDuration(1_500n)).toBe('1.5µs');
    expect(formatGoDuration(999n)).toBe('999ns');
    expect(formatGoDuration(-90_000_000_000n)).toBe('-1m30s');
    expect(formatGoDuration(5_400_500_000_000n)).toBe('1h30m0.5s');
  });
  it('round-trips every duration default in the reference', () => {
    for (const text of ['20s', '2m0s', '5m0s', '30s', '10s', '5s', '300ms', '1m0s', '4h0m0s', '100ms']) {
      expect(formatGoDuration(parseGoDuration(text))).toBe(text);
    }
  });
  it('normalises equal durations to one text', () => {
    expect(normalizeGoDuration('60s')).toBe('1m0s');
    expect(normalizeGoDuration('1m')).toBe('1m0s');
    expect(normalizeGoDuration('nope')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import {
  QuantityParseError,
  addQuantities,
  compareQuantities,
  formatQuantity,
  parseQuantity,
  quantitiesEqual,
  toMillis,
  toUnits,
  tryParseQuantity,
} from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['1Ki', 1024n],
    ['7120616Ki', 7291510784n],
    ['300Mi', 314572800n],
    ['1.5Gi', 1610612736n],
    ['1Ti', 1099511627776n],
    ['100M', 100000000n],
    ['1k', 1000n],
    ['12e6', 12000000n],
    ['1E3', 1000n], // E followed by digits is an exponent…
    ['2E', 2000000000000000000n], // …E alone is the exa suffix
    ['1e3', 1000n],
    ['2.5e-1', 1n], // rounds up like Quantity.Value()
    ['0', 0n],
    ['110', 110n],
    ['+5', 5n],
    ['-1', -1n],
    ['.5', 1n],
  ])('%s → %s units', (text, expected) => {
    expect(toUnits(parseQuantity(text))).toBe(expected);
  });

  it.each([
    ['100m', 100n],
    ['3800m', 3800n],
    ['4', 4000n],
    ['0.5', 500n],
    ['123456789n', 124n], // metrics-server reports nanocores; MilliValue rounds up
    ['1u', 1n],
    ['2500000n', 3n],
  ])('%s → %s millicores', (text, expected) => {
    expect(toMillis(parseQuantity(text))).toBe(expected);
  });

  it.each(['', 'abc', '1.2.3', '10%', '1KiB', '1 Gi', 'Gi', '1e', '--1', '1e999'])('rejects %j', (text) => {
    expect(() => parseQuantity(text)).toThrow(QuantityParseError);
  });

  it('accepts JSON numbers as plain values', () => {
    expect(toUnits(parseQuantity(1000))).toBe(1000n);
    expect(toMillis(parseQuantity(0.1))).toBe(100n);
  });

  it('tryParseQuantity returns undefined for absent or bad input', () => {
    expect(tryParseQuantity(undefined)).toBeUndefined();
    expect(tryParseQuantity('')).toBeUndefined();
    expect(tryParseQuantity('nope')).toBeUndefined();
    expect(tryParseQuantity('1Mi')).toBeDefined();
  });
});

describe('comparing and arithmetic', () => {
  it('compares by meaning, not text', () => {
    expect(quantitiesEqual(parseQuantity('1Gi'), parseQuantity('1024Mi'))).toBe(true);
    expect(quantitiesEqual(parseQuantity('1G'), parseQuantity('1000M'))).toBe(true);
    expect(quantitiesEqual(parseQuantity('1G'), parseQuantity('1Gi'))).toBe(false);
    expect(quantitiesEqual(parseQuantity('0.1'), parseQuantity('100m'))).toBe(true);
    expect(compareQuantities(parseQuantity('999Mi'), parseQuantity('1Gi'))).toBe(-1);
    expect(compareQuantities(parseQuantity('2'), parseQuantity('1500m'))).toBe(1);
  });

  it('adds exactly across suffixes (the AKS allocatable walkthrough)', () => {
    // capacity 7120616Ki = allocatable 4675304Ki + kube-reserved 1638Mi + eviction 750Mi (mihai-albert.com, 2022)
    const capacity = addQuantities(
      addQuantities(parseQuantity('4675304Ki'), parseQuantity('1638Mi')),
      parseQuantity('750Mi'),
    );
    expect(quantitiesEqual(capacity, parseQuantity('7120616Ki'))).toBe(true);
    expect(toMillis(addQuantities(parseQuantity('300m'), parseQuantity('0.2')))).toBe(500n);
  });
});

describe('formatting', () => {
  it('prints equal quantities identically', () => {
    expect(formatQuantity(parseQuantity('1024Mi'))).toBe('1Gi');
    expect(formatQuantity(parseQuantity('1Gi'))).toBe('1Gi');
    expect(formatQuantity(parseQuantity('300Mi'))).toBe('300Mi');
    expect(formatQuantity(parseQuantity('0.3'))).toBe('300m');
    expect(formatQuantity(parseQuantity('1000'), 'decimal')).toBe('1k');
    expect(formatQuantity(parseQuantity('0'))).toBe('0');
    expect(formatQuantity(parseQuantity('1500'))).toBe('1500');
  });
});

import { describe, expect, it } from 'vitest';
import { StringPool } from './string-pool';

describe('StringPool', () => {
  // (which copy comes back cannot be observed from JavaScript: the heap snapshot in BENCHMARKS.md shows it)
  it('keeps one entry per distinct string, however often it is seen', () => {
    const pool = new StringPool();
    const [a, b] = JSON.parse(
      '["kubelet has sufficient memory available","kubelet has sufficient memory available"]',
    ) as [string, string];
    expect(pool.intern(a)).toBe('kubelet has sufficient memory available');
    expect(pool.intern(b)).toBe('kubelet has sufficient memory available');
    pool.intern('KubeletHasSufficientMemory');
    expect(pool.size).toBe(2);
  });

  it('passes long strings through without keeping them', () => {
    const pool = new StringPool(10, 8);
    expect(pool.intern('0123456789')).toBe('0123456789');
    expect(pool.size).toBe(0);
  });

  it('never holds more than its bound: it starts over when full', () => {
    const pool = new StringPool(3);
    for (let i = 0; i < 100; i++) pool.intern(`v${i}`);
    expect(pool.size).toBeLessThanOrEqual(3);
    expect(pool.intern('v99')).toBe('v99');
  });

  it('interns the values of a label map, keeping its keys and values equal', () => {
    const pool = new StringPool();
    const labels = { 'topology.kubernetes.io/zone': 'us-east-1a', 'kubernetes.io/arch': 'amd64' };
    expect(pool.internValues(labels)).toEqual(labels);
    pool.internValues({ zone: 'us-east-1a' });
    expect(pool.size).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { InFlightReads } from './in-flight';

describe('InFlightReads', () => {
  it('lists reads on the wire past a threshold, and forgets them when they settle, failed or not', async () => {
    let now = 1000;
    const reads = new InFlightReads(() => now);
    let finishA!: () => void;
    let failB!: (e: Error) => void;
    const a = reads.track('a', () => new Promise<void>((r) => (finishA = r)));
    now = 1500;
    const b = reads.track('b', () => new Promise<void>((_, j) => (failB = j)));
    now = 2100;
    expect(reads.olderThan(1000)).toEqual([['a', 1000]]);
    expect(
      reads
        .olderThan(500)
        .map(([n]) => n)
        .sort(),
    ).toEqual(['a', 'b']);
    finishA();
    await a;
    failB(new Error('deadline'));
    await expect(b).rejects.toThrow('deadline');
    expect(reads.size).toBe(0);
    expect(reads.olderThan(0)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { LastGood } from './last-good';

const T0 = Date.parse('2026-12-05T10:00:00.000Z');
const down = () => Promise.reject(new AppError('ServiceUnavailable', 503, 'connection refused'));

describe('LastGood', () => {
  it('answers fresh reads with their own time', async () => {
    let now = T0;
    const lg = new LastGood<string>(4, () => now);
    expect(await lg.read('alice', () => Promise.resolve('v1'))).toEqual({
      value: 'v1',
      staleness: { fetchedAt: new Date(T0).toISOString() },
    });
    now += 5000;
    expect((await lg.read('alice', () => Promise.resolve('v2'))).staleness.fetchedAt).toBe(
      new Date(T0 + 5000).toISOString(),
    );
  });

  it('keeps the last good answer, its time and the error while reads fail, until one succeeds', async () => {
    let now = T0;
    const lg = new LastGood<string>(4, () => now);
    await lg.read('alice', () => Promise.resolve('v1'));
    now += 10_000;
    const first = await lg.read('alice', down);
    now += 10_000;
    const second = await lg.read('alice', down);
    expect(second.value).toBe('v1');
    expect(second.staleness).toEqual({
      fetchedAt: new Date(T0).toISOString(),
      stale: true,
      staleSince: new Date(T0 + 10_000).toISOString(),
      error: expect.objectContaining({ reason: 'ServiceUnavailable', message: 'connection refused' }),
    });
    expect(first.staleness.staleSince).toBe(second.staleness.staleSince);
    now += 1000;
    const back = await lg.read('alice', () => Promise.resolve('v2'));
    expect(back).toEqual({ value: 'v2', staleness: { fetchedAt: new Date(now).toISOString() } });
  });

  it('never hands one identity another identity’s data', async () => {
    const lg = new LastGood<string>(4);
    await lg.read('alice', () => Promise.resolve('alice-data'));
    await expect(lg.read('bob', down)).rejects.toThrow('connection refused');
  });

  it('keeps at most maxEntries identities, dropping the least recently read', async () => {
    const lg = new LastGood<string>(2);
    await lg.read('a', () => Promise.resolve('a'));
    await lg.read('b', () => Promise.resolve('b'));
    await lg.read('a', () => Promise.resolve('a'));
    await lg.read('c', () => Promise.resolve('c'));
    await expect(lg.read('b', down)).rejects.toThrow();
    expect((await lg.read('a', down)).value).toBe('a');
  });

  it('dates an answer by when it was asked for, not when it arrived', async () => {
    let now = T0;
    const lg = new LastGood<string>(4, () => now);
    const r = await lg.read('a', async () => {
      now += 3000; // the API server answered, and the answer took 3 s to arrive
      return 'v';
    });
    expect(r.staleness).toEqual({ fetchedAt: new Date(T0).toISOString() });
  });
});

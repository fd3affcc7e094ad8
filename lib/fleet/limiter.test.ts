import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { configzStale, type ConfigzEntry } from './configz-cache';
import { Limiter, mapBounded } from './limiter';
import { isTransientFailure, withRetry } from './retry';
import { SharedCache } from './shared-cache';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Limiter', () => {
  it('never runs more than `concurrency` tasks at once', async () => {
    const limiter = new Limiter({ concurrency: 5, qps: 10_000, burst: 10_000 });
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 60 }, () =>
        limiter.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await sleep(2);
          running--;
        }),
      ),
    );
    expect(peak).toBe(5);
    expect(limiter.maxInFlight).toBe(5);
    expect(limiter.inFlight).toBe(0);
  });

  it('starts no more than burst at once, then qps per second', async () => {
    const limiter = new Limiter({ concurrency: 100, qps: 100, burst: 5 });
    const started: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 15 }, () => limiter.run(async () => void started.push(performance.now() - t0))),
    );
    // 5 at once from the bucket, the other 10 at 100/s: the last no sooner than ~100 ms
    expect(started.filter((t) => t < 5)).toHaveLength(5);
    expect(Math.max(...started)).toBeGreaterThanOrEqual(90);
  });

  it('frees the slot of a failed task and drops a waiter whose signal aborts', async () => {
    const limiter = new Limiter({ concurrency: 1, qps: 1000, burst: 10 });
    const blocker = limiter.run(() => sleep(30));
    const ac = new AbortController();
    const waiting = limiter.run(async () => 'never', { signal: ac.signal });
    ac.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    await blocker;
    await expect(limiter.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(limiter.run(async () => 'ok')).resolves.toBe('ok');
  });
});

describe('Limiter priorities', () => {
  it('starts queued interactive work before queued background work, each in FIFO order', async () => {
    const limiter = new Limiter({ concurrency: 1 });
    const order: string[] = [];
    const task = (name: string) => async () => void order.push(name);
    const blocker = limiter.run(() => sleep(10));
    const all = [
      limiter.run(task('sweep-1')),
      limiter.run(task('sweep-2')),
      limiter.run(task('page-1'), { priority: 'interactive' }),
      limiter.run(task('page-2'), { priority: 'interactive' }),
    ];
    await Promise.all([blocker, ...all]);
    expect(order).toEqual(['page-1', 'page-2', 'sweep-1', 'sweep-2']);
  });

  it('promotes a queued background read that a page now waits for, and only that one', async () => {
    const limiter = new Limiter({ concurrency: 1 });
    const order: string[] = [];
    const task = (name: string) => async () => void order.push(name);
    const blocker = limiter.run(() => sleep(10));
    const all = ['a', 'b', 'c'].map((n) => limiter.run(task(n), { key: `configz:${n}` }));
    expect(limiter.promote('configz:c')).toBe(true);
    expect(limiter.promote('configz:none')).toBe(false);
    await Promise.all([blocker, ...all]);
    expect(order).toEqual(['c', 'a', 'b']);
  });

  it('without a rate, only the in-flight bound applies', async () => {
    // a frozen clock never refills a token bucket: with one, the 2nd task would wait forever
    const limiter = new Limiter({ concurrency: 50, now: () => 0 });
    await Promise.all(Array.from({ length: 500 }, () => limiter.run(() => sleep(0))));
    expect(limiter.maxInFlight).toBe(50);
  });
});

describe('mapBounded', () => {
  it('keeps input order with at most `concurrency` running', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await sleep(n);
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });
});

describe('withRetry', () => {
  const noSleep = async () => undefined;
  it('never retries 401, 403 or 404', async () => {
    for (const [reason, code] of [
      ['Unauthorized', 401],
      ['Forbidden', 403],
      ['NotFound', 404],
    ] as const) {
      let calls = 0;
      await expect(
        withRetry(
          async () => {
            calls++;
            throw new AppError(reason, code, 'no');
          },
          { attempts: 3, sleep: noSleep },
        ),
      ).rejects.toThrow('no');
      expect(calls).toBe(1);
    }
  });

  it('retries 429/503 up to the attempt limit, with growing backoff', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (++calls < 3)
          throw new AppError(calls === 1 ? 'ServiceUnavailable' : 'TooManyRequests', calls === 1 ? 503 : 429, 'busy');
        return 'ok';
      },
      { attempts: 3, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe('ok');
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
  });

  it('does not retry a kubelet the apiserver cannot dial, nor unknown errors', () => {
    expect(isTransientFailure(new AppError('KubeletUnreachable', 502, 'dead'))).toBe(false);
    expect(isTransientFailure(new AppError('MalformedResponse', 502, 'half a body'))).toBe(false);
    expect(isTransientFailure(new Error('bug'))).toBe(false);
    expect(isTransientFailure(new AppError('ServiceUnavailable', 503, 'reset'))).toBe(true);
  });

  it('does not spend a second deadline on a kubelet that stayed silent through the first', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new AppError('Timeout', 504, 'no answer in 4 s');
        },
        { attempts: 3, sleep: async () => undefined },
      ),
    ).rejects.toThrow('no answer');
    expect(calls).toBe(1);
  });
});

describe('SharedCache', () => {
  it('runs one load for concurrent callers and serves fresh entries without loading', async () => {
    const cache = new SharedCache<string, number>('test');
    let loads = 0;
    const load = async () => {
      loads++;
      await sleep(10);
      return 42;
    };
    const values = await Promise.all(Array.from({ length: 10 }, () => cache.get('k', load, () => true)));
    expect(values).toEqual(Array(10).fill(42));
    expect(loads).toBe(1);
    await cache.get('k', load, () => true);
    expect(loads).toBe(1);
    await cache.get('k', load, () => false);
    expect(loads).toBe(2);
  });
});

describe('configzStale', () => {
  const rule = { ttlMs: 60_000, errorTtlMs: 10_000 };
  const ok = (facts: ConfigzEntry['facts']): { value: ConfigzEntry; storedAt: number } => ({
    value: { ok: true, value: { hash: 'h' }, at: 0, facts },
    storedAt: 0,
  });
  const was = { kubeletVersion: 'v1.33.2', bootID: 'b1', ready: 'True' };

  it('keeps configz while version, bootID and Ready are unchanged', () => {
    expect(configzStale(ok(was), { ...was }, 59_000, rule)).toBe(false);
  });
  it('re-reads after a reboot (new bootID)', () => {
    expect(configzStale(ok(was), { ...was, bootID: 'b2' }, 1000, rule)).toBe(true);
  });
  it('re-reads after a kubelet upgrade (new version)', () => {
    expect(configzStale(ok(was), { ...was, kubeletVersion: 'v1.34.0' }, 1000, rule)).toBe(true);
  });
  it('re-reads after a Ready transition', () => {
    expect(configzStale(ok(was), { ...was, ready: 'False' }, 1000, rule)).toBe(true);
  });
  it('re-reads after the long TTL even if nothing changed', () => {
    expect(configzStale(ok(was), { ...was }, 60_000, rule)).toBe(true);
  });
  it('ignores facts the caller does not know', () => {
    expect(configzStale(ok(was), { kubeletVersion: 'v1.33.2' }, 1000, rule)).toBe(false);
    expect(configzStale(ok(was), undefined, 1000, rule)).toBe(false);
  });
  it('retries a failure after the short error TTL', () => {
    const failed = {
      value: { ok: false, reason: 'Timeout', code: 504, message: 'x', at: 0, facts: was } as ConfigzEntry,
      storedAt: 0,
    };
    expect(configzStale(failed, was, 9_000, rule)).toBe(false);
    expect(configzStale(failed, was, 10_000, rule)).toBe(true);
  });
});

describe('Limiter backgroundShare', () => {
  it('lets background tasks use only their share of the slots, and a person every slot', async () => {
    let share = 0.25;
    const limiter = new Limiter({ concurrency: 8, backgroundShare: () => share });
    const release: Array<() => void> = [];
    const task = () => new Promise<void>((r) => release.push(r));
    const background = Array.from({ length: 8 }, () => limiter.run(task));
    await Promise.resolve();
    expect(limiter.inFlight).toBe(2); // a quarter of 8
    const interactive = [
      limiter.run(task, { priority: 'interactive' }),
      limiter.run(task, { priority: 'interactive' }),
    ];
    await Promise.resolve();
    expect(limiter.inFlight).toBe(4); // people are not held back by the background share
    share = 1;
    release.shift()?.(); // a completion lets the queue move on at the new share
    await new Promise((r) => setTimeout(r, 0));
    expect(limiter.inFlight).toBe(8);
    for (const r of release.splice(0)) r();
    await new Promise((r) => setTimeout(r, 0));
    for (const r of release.splice(0)) r();
    await Promise.all([...background, ...interactive]);
  });
});

describe('Limiter slowStart', () => {
  it('opens `initial` slots, one more per settled task up to the bound, and starts small again after idling', async () => {
    let clock = 0;
    const limiter = new Limiter({ concurrency: 8, slowStart: { initial: 2, idleResetMs: 1000 }, now: () => clock });
    const releases: Array<() => void> = [];
    const task = () => new Promise<void>((r) => releases.push(r));
    const runs = Array.from({ length: 30 }, () => limiter.run(task));
    const settle = async (n: number) => {
      for (const r of releases.splice(0, n)) r();
      await sleep(0);
    };
    expect(limiter.inFlight).toBe(2); // not 8: every slot would open a connection at once
    await settle(1); // one settled: the window is 3, two run now
    expect(limiter.inFlight).toBe(3);
    await settle(3); // three more settled: window 6
    expect(limiter.inFlight).toBe(6);
    await settle(6); // window capped at the bound
    expect(limiter.inFlight).toBe(8);
    while (releases.length > 0) await settle(releases.length);
    await Promise.all(runs);
    expect(limiter.maxInFlight).toBe(8);

    // busy again within the idle time: the connections are still open, all slots at once
    const soon = Array.from({ length: 10 }, () => limiter.run(task));
    expect(limiter.inFlight).toBe(8);
    while (releases.length > 0) await settle(releases.length);
    await Promise.all(soon);
    // after the idle time: small again
    clock += 1000;
    const later = Array.from({ length: 10 }, () => limiter.run(task));
    expect(limiter.inFlight).toBe(2);
    while (releases.length > 0) await settle(releases.length);
    await Promise.all(later);
  });
});

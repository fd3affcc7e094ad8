import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { collectWith } from './configz-fleet';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('collectWith', () => {
  it('never has more than `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const names = Array.from({ length: 100 }, (_, i) => `n${i}`);
    const results = await collectWith(
      async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await sleep(1);
        inFlight--;
        return { maxPods: 110 };
      },
      names,
      { concurrency: 7 },
    );
    expect(peak).toBe(7);
    expect(results).toHaveLength(100);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('keeps input order and reports failures with their reason instead of dropping the node', async () => {
    const results = await collectWith(
      async (node) => {
        if (node === 'unreachable')
          throw new AppError('KubeletUnreachable', 502, 'dial tcp 10.0.2.47:10250: i/o timeout');
        if (node === 'boom') throw new Error('secret internals');
        await sleep(node === 'slow' ? 5 : 0);
        return { node };
      },
      ['slow', 'unreachable', 'ok', 'boom'],
      { versions: new Map([['unreachable', 'v1.30.13']]) },
    );
    expect(results.map((r) => r.node)).toEqual(['slow', 'unreachable', 'ok', 'boom']);
    expect(results[1]).toEqual({
      node: 'unreachable',
      version: 'v1.30.13',
      ok: false,
      reason: 'KubeletUnreachable',
      message: 'dial tcp 10.0.2.47:10250: i/o timeout',
    });
    // unknown errors are never echoed
    expect(results[3]).toMatchObject({ ok: false, reason: 'InternalError', message: 'configz could not be read' });
  });

  it('marks the rest as cancelled once the signal aborts', async () => {
    const ac = new AbortController();
    const results = await collectWith(
      async () => {
        ac.abort();
        return {};
      },
      ['a', 'b', 'c'],
      { concurrency: 1, signal: ac.signal },
    );
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
  });

  it('handles an empty node list', async () => {
    expect(await collectWith(async () => ({}), [])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { foregroundDemand } from '@/lib/fleet/loop-pressure';
import { admitted, Gate, notePageRequest } from './admission';

/** A gate on a hand-moved clock. */
function gateAt(limit: number) {
  let t = 1_000_000;
  const g = new Gate('bulk', limit, () => t);
  return { g, advance: (ms: number) => (t += ms) };
}

const always = (x: number) => () => x;

describe('Gate.retryAfter: shed clients are spread over the time the gate needs to serve them', () => {
  it('tells the first shed client the shortest wait', () => {
    const { g } = gateAt(1);
    g.tryEnter();
    expect(g.tryEnter()).toBeUndefined();
    expect(g.retryAfter(always(0.99))).toBe(2);
  });

  it('spreads a crowd over clients waiting ÷ answers per second, capped at 30 s', () => {
    const { g, advance } = gateAt(4);
    // 4 slots answering 20 requests per second for 5 s: 100 completions in the window
    for (let i = 0; i < 100; i++) {
      g.tryEnter()?.();
      advance(50);
    }
    const leaves = [0, 1, 2, 3].map(() => g.tryEnter());
    // 200 clients shed at once, each told its wait: the last ones see ~200 waiting ahead of them ÷ 20/s = 10 s
    const waits = Array.from({ length: 200 }, () => (g.tryEnter(), g.retryAfter(always(0.999))));
    expect(waits[0]).toBe(2);
    expect(waits[199]).toBe(11);
    // drawn uniformly over that span: the median client of the crowd
    expect(g.retryAfter(always(0.5))).toBe(2 + Math.floor(0.5 * Math.ceil(200 / 20)));
    // nothing answered lately: one per second assumed, and no client is told more than 30 s
    advance(5_000);
    expect(g.retryAfter(always(0.999))).toBe(30);
    for (const leave of leaves) leave?.();
  });

  it('stops counting a client once its wait is over', () => {
    const { g, advance } = gateAt(1);
    const leave = g.tryEnter();
    for (let i = 0; i < 50; i++) g.retryAfter(always(0.999));
    // 50 clients waiting (no throughput yet: 1/s assumed): the next one is spread over up to 50 s, capped
    expect(g.retryAfter(always(0.999))).toBe(30);
    advance(31_000);
    // every wait told so far has ended: the next shed client is alone again
    expect(g.retryAfter(always(0.999))).toBe(2);
    leave?.();
  });
});

describe('admitted: a request through a gate is demand that background sweeps give way to', () => {
  it('counts while its body is being read and for 2 s after the body ends', async () => {
    const res = await admitted(async () => new Response('x'.repeat(10)));
    expect(foregroundDemand()).toBe(true); // the body has not been read yet
    await res.text();
    expect(foregroundDemand()).toBe(true);
    expect(foregroundDemand(Date.now() + 2_001)).toBe(false);
  });
});

describe('notePageRequest: a page being rendered is demand too', () => {
  it('counts for 2 s from the moment the page was asked for', () => {
    notePageRequest();
    const at = Date.now();
    expect(foregroundDemand(at)).toBe(true);
    expect(foregroundDemand(at + 2_001)).toBe(false);
  });
});

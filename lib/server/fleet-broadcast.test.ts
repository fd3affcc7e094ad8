import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetNodeResult, FleetSweep } from '@/lib/api/fleet';
import type { SweepListener } from '@/lib/fleet/sweep';
import { FleetBroadcast, flushPeriodMs, type BroadcastSource } from './fleet-broadcast';

vi.mock('server-only', () => ({}));

/** A sweeper stand-in: keeps results like Sweeper does and replays them to a new listener. */
class FakeSweeper implements BroadcastSource {
  readonly results = new Map<string, FleetNodeResult>();
  readonly listeners = new Set<SweepListener>();
  last: FleetSweep | undefined;
  subscribes = 0;
  snapshot() {
    return [...this.results.values()];
  }
  subscribe(l: SweepListener) {
    this.subscribes++;
    this.listeners.add(l);
    if (this.results.size) l.onNodes(this.snapshot());
    if (this.last) l.onSweep(this.last);
    return () => void this.listeners.delete(l);
  }
  land(name: string) {
    const r: FleetNodeResult = { name, state: 'ok', at: '2026-12-05T00:00:00.000Z', configHash: 'h' };
    this.results.set(name, r);
    for (const l of this.listeners) l.onNodes([r]);
  }
  end() {
    this.last = {
      kind: 'configz',
      total: this.results.size,
      ok: this.results.size,
      errors: 0,
      durationMs: 1,
      finishedAt: 'x',
    };
    for (const l of this.listeners) l.onSweep(this.last);
  }
}

const text = (frames: Uint8Array[]) => frames.map((f) => new TextDecoder().decode(f));
const events = (frames: Uint8Array[]) =>
  text(frames).map((t) => {
    const [, event, data] = /^event: (\w+)\ndata: (.*)\n\n$/s.exec(t) ?? [];
    return { event, data: JSON.parse(data ?? 'null') as unknown };
  });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('FleetBroadcast', () => {
  it('serializes each batch once: every stream receives the very same bytes', () => {
    const src = new FakeSweeper();
    const b = new FleetBroadcast(src);
    const a: Uint8Array[] = [];
    const c: Uint8Array[] = [];
    b.join((f) => a.push(f));
    b.join((f) => c.push(f));
    src.land('n1');
    src.land('n2');
    vi.advanceTimersByTime(flushPeriodMs(2));
    expect(a).toHaveLength(1);
    expect(c[0]).toBe(a[0]); // one Uint8Array for both streams, not two serializations
    expect(events(a)).toEqual([
      { event: 'nodes', data: [expect.objectContaining({ name: 'n1' }), expect.objectContaining({ name: 'n2' })] },
    ]);
    expect(src.subscribes).toBe(1);
  });

  it('gives a stream joining late the known state first (one shared frame), then the last sweep', () => {
    const src = new FakeSweeper();
    const b = new FleetBroadcast(src);
    b.join(() => undefined);
    src.land('n1');
    src.end();
    const late1: Uint8Array[] = [];
    const late2: Uint8Array[] = [];
    b.join((f) => late1.push(f));
    b.join((f) => late2.push(f));
    expect(events(late1).map((e) => e.event)).toEqual(['nodes', 'sweep']);
    expect(late2[0]).toBe(late1[0]);
    src.land('n2'); // a change: the next joiner's snapshot is rebuilt
    const late3: Uint8Array[] = [];
    b.join((f) => late3.push(f));
    expect(late3[0]).not.toBe(late1[0]);
    expect((events(late3)[0]?.data as FleetNodeResult[]).map((r) => r.name)).toEqual(['n1', 'n2']);
  });

  it('the first stream does not get the replayed state twice', () => {
    const src = new FakeSweeper();
    src.land('n1');
    const b = new FleetBroadcast(src);
    const a: Uint8Array[] = [];
    b.join((f) => a.push(f));
    vi.advanceTimersByTime(500);
    expect(events(a).map((e) => e.event)).toEqual(['nodes']);
  });

  it('the last stream leaving unsubscribes from the sweeper; the next one subscribes again', () => {
    const src = new FakeSweeper();
    const b = new FleetBroadcast(src);
    const leaveA = b.join(() => undefined);
    const leaveB = b.join(() => undefined);
    leaveA();
    leaveA(); // idempotent
    expect(src.listeners.size).toBe(1);
    leaveB();
    expect(src.listeners.size).toBe(0);
    expect(b.streamCount).toBe(0);
    b.join(() => undefined);
    expect(src.subscribes).toBe(2);
  });

  it('a sweep end flushes the pending batch before the sweep event', () => {
    const src = new FakeSweeper();
    const b = new FleetBroadcast(src);
    const a: Uint8Array[] = [];
    b.join((f) => a.push(f));
    src.land('n1');
    src.end();
    expect(events(a).map((e) => e.event)).toEqual(['nodes', 'sweep']);
  });

  it('batches less often as the audience grows, about 100 writes a second in all', () => {
    expect(flushPeriodMs(1)).toBe(100);
    expect(flushPeriodMs(10)).toBe(100);
    expect(flushPeriodMs(25)).toBe(250);
    expect(flushPeriodMs(50)).toBe(500);
    expect(flushPeriodMs(100)).toBe(1000);
    expect(flushPeriodMs(250)).toBe(1000);
    const src = new FakeSweeper();
    const b = new FleetBroadcast(src);
    const streams = Array.from({ length: 100 }, () => [] as Uint8Array[]);
    for (const s of streams) b.join((f) => s.push(f));
    src.land('n1'); // the first result after a quiet period: at once
    vi.advanceTimersByTime(0);
    expect(streams[0]).toHaveLength(1);
    src.land('n2'); // then at most one batch a second for this audience
    vi.advanceTimersByTime(900);
    expect(streams[0]).toHaveLength(1);
    vi.advanceTimersByTime(200);
    expect(streams[0]).toHaveLength(2);
    expect(streams[99]?.[1]).toBe(streams[0]?.[1]);
  });

  it('sends a sweep’s first results at once, then one batch per period, and runs no timer while nothing lands', () => {
    const src = new FakeSweeper();
    const b = new FleetBroadcast(src);
    const a: Uint8Array[] = [];
    b.join((f) => a.push(f));
    vi.advanceTimersByTime(5000);
    expect(vi.getTimerCount()).toBe(0);
    src.land('n1');
    src.land('n2'); // landing in the same turn: one batch
    vi.advanceTimersByTime(0);
    expect(events(a).map((e) => (e.data as FleetNodeResult[]).map((r) => r.name))).toEqual([['n1', 'n2']]);
    src.land('n3');
    vi.advanceTimersByTime(flushPeriodMs(1) - 1);
    expect(a).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(a).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});

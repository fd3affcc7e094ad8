import { describe, expect, it } from 'vitest';
import type { SignalObservation } from '@/lib/domain/eviction-signals';
import { bytesPerSample, SignalHistory } from './signal-history';

const mem = (available: number, capacity = 1000): SignalObservation => ({
  signal: 'memory.available',
  available: BigInt(available),
  capacity: BigInt(capacity),
});
const disk = (available: number): SignalObservation => ({
  signal: 'nodefs.available',
  available: BigInt(available),
  capacity: 10_000n,
});

const T0 = Date.UTC(2026, 11, 5, 11, 0, 0);

/** A history on a fake clock: 60 min window, 15 s refresh (the defaults). */
function setup(windowMs = 60 * 60_000, refreshMs = 15_000) {
  let now = T0;
  const history = new SignalHistory({ windowMs, refreshMs }, () => now);
  return { history, at: (ms: number) => (now = ms) };
}

describe('SignalHistory', () => {
  it('sizes the rings to span the window: the last 15 min at the coalescing gap, the rest one per minute', () => {
    // 900 s / (0.8 × 15 s) = 75 recent, plus one so a sample exactly 15 min old still counts; 45 minutes + 1
    expect(setup().history.samplesPerNode).toBe(76 + 46);
    // a refresh of a minute: every sample kept as taken, 3600 s / 48 s = 75, plus one
    expect(setup(60 * 60_000, 60_000).history.samplesPerNode).toBe(76);
    // a window of 15 min or less: every sample kept as taken
    expect(setup(15 * 60_000, 15_000).history.samplesPerNode).toBe(76);
    expect(setup(0).history.samplesPerNode).toBe(0);
    expect(bytesPerSample(9)).toBe(40);
  });

  it('keeps samples oldest first, with each signal available and the latest capacity', () => {
    const { history, at } = setup();
    history.record('n1', T0, [mem(500), disk(4000)]);
    history.record('n1', T0 + 15_000, [mem(400, 1001)]);
    at(T0 + 20_000);
    expect(history.read('n1')).toEqual({
      samples: [
        { t: T0, available: { 'memory.available': 500, 'nodefs.available': 4000 } },
        { t: T0 + 15_000, available: { 'memory.available': 400 } }, // nodefs missing from that read: no value
      ],
      capacity: { 'memory.available': 1001, 'nodefs.available': 10_000 },
    });
  });

  it('coalesces reads closer than 0.8 of a refresh period (a node page polling beside the sweep)', () => {
    const { history, at } = setup();
    history.record('n1', T0, [mem(1)]);
    history.record('n1', T0 + 5_000, [mem(2)]); // the page's read 5 s later: dropped
    history.record('n1', T0 + 12_000, [mem(3)]); // exactly 0.8 × 15 s: kept
    at(T0 + 13_000);
    expect(history.read('n1').samples.map((s) => s.available['memory.available'])).toEqual([1, 3]);
  });

  it('never holds more than samplesPerNode samples: the oldest are overwritten', () => {
    const { history, at } = setup(60_000, 10_000); // ⌈60 / 8⌉ + 1 = 9 samples
    expect(history.samplesPerNode).toBe(9);
    for (let i = 0; i < 40; i++) history.record('n1', T0 + i * 8_000, [mem(i)]);
    at(T0 + 39 * 8_000);
    const samples = history.read('n1').samples;
    expect(samples).toHaveLength(8); // 9 kept; the oldest of them is just past the window
    expect(samples.map((s) => s.available['memory.available'])).toEqual([32, 33, 34, 35, 36, 37, 38, 39]);
  });

  it('leaves samples older than the window out, and drops a node not read for a whole window', () => {
    const { history, at } = setup(60_000, 10_000);
    history.record('old', T0, [mem(1)]);
    history.record('live', T0, [mem(1)]);
    at(T0 + 50_000);
    history.record('live', T0 + 50_000, [mem(2)]);
    at(T0 + 70_000);
    expect(history.read('live').samples.map((s) => s.t)).toEqual([T0 + 50_000]);
    expect(history.read('old').samples).toEqual([]);
    history.record('live', T0 + 70_000, [mem(3)]); // a write prunes
    expect(history.nodes).toBe(1);
    expect(history.read('old')).toEqual({ samples: [], capacity: {} });
  });

  it('keeps each node apart, and separate instances (identities) share nothing', () => {
    const a = setup();
    const b = setup();
    a.history.record('n1', T0, [mem(100)]);
    a.history.record('n2', T0, [mem(200)]);
    b.history.record('n1', T0, [mem(999)]);
    expect(a.history.read('n1').samples[0]?.available['memory.available']).toBe(100);
    expect(a.history.read('n2').samples[0]?.available['memory.available']).toBe(200);
    expect(b.history.read('n1').samples[0]?.available['memory.available']).toBe(999);
    expect(b.history.read('n2').samples).toEqual([]);
  });

  it('keeps nothing when the window is 0, and ignores a read without signals', () => {
    const off = setup(0);
    off.history.record('n1', T0, [mem(1)]);
    expect(off.history.nodes).toBe(0);
    const on = setup();
    on.history.record('n1', T0, []);
    expect(on.history.nodes).toBe(0);
  });

  it('keeps large byte counts to Float32 precision', () => {
    const { history } = setup();
    const tib = 2 ** 40;
    history.record('n1', T0, [{ signal: 'imagefs.available', available: BigInt(tib - 12345), capacity: BigInt(tib) }]);
    const v = history.read('n1').samples[0]!.available['imagefs.available']!;
    expect(Math.abs(v - (tib - 12345)) / tib).toBeLessThan(1e-6);
  });

  it('keeps a full hour at the defaults: recent reads as taken, older ones as the lowest amount of each minute', () => {
    const { history, at } = setup();
    // one read every 15 s for 70 minutes; memory dips to 100 once, 50 min before the end
    const end = T0 + 70 * 60_000;
    for (let t = T0; t <= end; t += 15_000) history.record('n1', t, [mem(t === end - 50 * 60_000 ? 100 : 900)]);
    at(end);
    const samples = history.read('n1').samples;
    const ts = samples.map((x) => x.t);
    expect(ts).toEqual([...ts].sort((a, b) => a - b)); // oldest first, no overlap between the two parts
    expect(ts[0]).toBeGreaterThanOrEqual(end - 60 * 60_000); // nothing older than the window
    expect(ts[0]).toBeLessThanOrEqual(end - 58 * 60_000); // and the window is covered
    // the last 15 minutes at the refresh period, exactly as read
    const recent = samples.filter((x) => x.t > end - 15 * 60_000);
    expect(recent.length).toBeGreaterThanOrEqual(59);
    expect(recent.every((x, i) => i === 0 || x.t - recent[i - 1]!.t === 15_000)).toBe(true);
    // older: one sample per minute, on the minute
    const older = samples.filter((x) => x.t <= end - 19 * 60_000);
    expect(older.every((x) => x.t % 60_000 === 0)).toBe(true);
    expect(older.every((x, i) => i === 0 || x.t - older[i - 1]!.t === 60_000)).toBe(true);
    // the dip survives in its minute: the lowest amount, not a mean
    const dip = Math.floor((end - 50 * 60_000) / 60_000) * 60_000;
    expect(samples.find((x) => x.t === dip)?.available['memory.available']).toBe(100);
    expect(samples.filter((x) => x.available['memory.available'] === 100)).toHaveLength(1);
    expect(samples.length).toBeLessThanOrEqual(history.samplesPerNode);
  });

  it('merges a minute per signal: a signal missing from one read keeps the value of another', () => {
    const { history, at } = setup();
    const end = T0 + 40 * 60_000;
    for (let t = T0; t <= end; t += 15_000)
      history.record('n1', t, t === T0 ? [mem(300)] : t === T0 + 15_000 ? [disk(7)] : [mem(900), disk(9000)]);
    at(end);
    const first = history.read('n1').samples[0]!;
    expect(first.t).toBe(T0);
    expect(first.available).toEqual({ 'memory.available': 300, 'nodefs.available': 7 });
  });
});

/**
 * The signal history's memory, alone in its own process:
 * `tsx --conditions=react-server --expose-gc bench/history-child.ts <nodes> <signals> <refreshMs> <windowMin>`.
 * Fills every node's rings to the full window (the worst case) and prints the heap growth as JSON.
 */
import type { SignalObservation } from '@/lib/domain/eviction-signals';
import { EVICTION_SIGNALS, type EvictionSignal } from '@/lib/domain/signal-conditions';
import { bytesPerSample, SignalHistory } from '@/lib/fleet/signal-history';

const [nodes, signals, refreshMs, windowMin] = process.argv.slice(2).map(Number) as [number, number, number, number];
const ALL: readonly EvictionSignal[] = EVICTION_SIGNALS;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

let now = Date.UTC(2026, 0, 1);
const history = new SignalHistory({ windowMs: windowMin * 60_000, refreshMs }, () => now);
const observations = (i: number): SignalObservation[] =>
  ALL.slice(0, signals).map((signal) => ({ signal, available: BigInt(1e9 + i), capacity: 4_000_000_000n }));

gc();
const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const t0 = performance.now();
const step = Math.ceil(refreshMs * 0.8);
// reads for a whole window (plus one): every ring full, the recent one and the per-minute one
const reads = Math.ceil((windowMin * 60_000) / step) + 1;
for (let s = 0; s < reads; s++) {
  for (let n = 0; n < nodes; n++) history.record(`node-${n}`, now, observations(s));
  now += step;
}
const fillMs = performance.now() - t0;
gc();
const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const t1 = performance.now();
const read = history.read('node-0');
const readMs = performance.now() - t1;
console.log(
  JSON.stringify({
    nodes: history.nodes,
    samplesPerNode: history.samplesPerNode,
    samplesRead: read.samples.length,
    measuredBytes: after - before,
    boundBytes: nodes * history.samplesPerNode * bytesPerSample(signals),
    fillMs: Math.round(fillMs),
    readMs: Math.round(readMs * 100) / 100,
  }),
);

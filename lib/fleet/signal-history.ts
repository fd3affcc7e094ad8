import 'server-only';
import type { SignalObservation } from '@/lib/domain/eviction-signals';
import type { EvictionSignal } from '@/lib/domain/eviction-thresholds';

export interface SignalHistorySettings {
  /** how far back a node's history reaches (KD_HISTORY_MINUTES); 0 keeps none */
  windowMs: number;
  /** the sweep's refresh period: samples closer than 0.8 of it are coalesced into one */
  refreshMs: number;
}

/** One kept sample: when the kubelet was read, and each signal's available amount then. */
interface HistorySample {
  /** ms since the epoch, to the second */
  t: number;
  available: Partial<Record<EvictionSignal, number>>;
}

export interface NodeSignalHistory {
  /** oldest first, none older than the window */
  samples: HistorySample[];
  /** each signal's capacity at its latest sample (what its percent thresholds are taken of; usage = capacity − available) */
  capacity: Partial<Record<EvictionSignal, number>>;
}

/** Per node: a fixed-size ring of sample times (Unix seconds) and one Float32 column per signal seen. */
interface Ring {
  times: Uint32Array;
  columns: Map<EvictionSignal, Float32Array>;
  capacity: Map<EvictionSignal, number>;
  /** next slot to write */
  head: number;
  size: number;
  lastMs: number;
}

/** Bytes of one sample: a Uint32 time plus a Float32 per signal (the bound bench/history-bench.ts checks). */
export const bytesPerSample = (signals: number) => 4 + 4 * signals;

/**
 * Each node's eviction signals over the last `windowMs`, kept in memory per kube identity (one per Fleet, so two
 * identities never see each other's nodes), filled by every stats/summary read the fleet makes: the node list's
 * sweeps every refresh period while anyone watches the fleet, and node pages' reads. A node page then opens with
 * the last hour instead of an empty chart.
 *
 * Bounded: a node keeps at most `samplesPerNode` = ⌈window / (0.8 × refresh)⌉ + 1 samples (reads closer together
 * than 0.8 of a period are coalesced, so the ring always spans the whole window), each of
 * bytesPerSample(signals) bytes, at most 9 signals (every Linux eviction signal); a node not read for a whole
 * window is dropped. Figures in BENCHMARKS.md. Float32 keeps 24 bits of a value: 0.00001 % of a 1 TiB disk,
 * exact for inode and PID counts below 16 M; plenty for a chart, never used for a verdict.
 */
export class SignalHistory {
  readonly samplesPerNode: number;
  private readonly minGapMs: number;
  private readonly rings = new Map<string, Ring>();
  private lastPruneMs = 0;

  constructor(
    private readonly settings: SignalHistorySettings,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.minGapMs = settings.refreshMs * 0.8;
    this.samplesPerNode = settings.windowMs > 0 ? Math.ceil(settings.windowMs / this.minGapMs) + 1 : 0;
  }

  get windowMs(): number {
    return this.settings.windowMs;
  }

  /** nodes with a history now */
  get nodes(): number {
    return this.rings.size;
  }

  /** Keeps one read of `node`'s signals taken at `atMs`, unless one was kept less than 0.8 of a period before. */
  record(node: string, atMs: number, observations: readonly SignalObservation[]): void {
    if (this.samplesPerNode === 0 || observations.length === 0) return;
    this.prune();
    let ring = this.rings.get(node);
    if (ring && atMs - ring.lastMs < this.minGapMs) return;
    if (!ring) {
      ring = {
        times: new Uint32Array(this.samplesPerNode),
        columns: new Map(),
        capacity: new Map(),
        head: 0,
        size: 0,
        lastMs: 0,
      };
      this.rings.set(node, ring);
    }
    const slot = ring.head;
    ring.times[slot] = Math.floor(atMs / 1000);
    for (const column of ring.columns.values()) column[slot] = NaN; // a signal missing from this read
    for (const o of observations) {
      let column = ring.columns.get(o.signal);
      if (!column) {
        column = new Float32Array(this.samplesPerNode).fill(NaN);
        ring.columns.set(o.signal, column);
      }
      column[slot] = Number(o.available);
      ring.capacity.set(o.signal, Number(o.capacity));
    }
    ring.head = (slot + 1) % this.samplesPerNode;
    ring.size = Math.min(ring.size + 1, this.samplesPerNode);
    ring.lastMs = atMs;
  }

  /** The node's samples within the window, oldest first (empty when it has none). */
  read(node: string): NodeSignalHistory {
    const ring = this.rings.get(node);
    if (!ring) return { samples: [], capacity: {} };
    const oldestSec = (this.now() - this.settings.windowMs) / 1000;
    const samples: HistorySample[] = [];
    for (let i = 0; i < ring.size; i++) {
      const slot = (ring.head - ring.size + i + this.samplesPerNode) % this.samplesPerNode;
      const sec = ring.times[slot]!;
      if (sec < oldestSec) continue;
      const available: HistorySample['available'] = {};
      for (const [signal, column] of ring.columns) {
        const v = column[slot]!;
        if (!Number.isNaN(v)) available[signal] = v;
      }
      samples.push({ t: sec * 1000, available });
    }
    return { samples, capacity: Object.fromEntries(ring.capacity) };
  }

  /** Drops nodes not read for a whole window (deleted, renamed, or no longer swept), at most once a period. */
  private prune(): void {
    const now = this.now();
    if (now - this.lastPruneMs < this.settings.refreshMs) return;
    this.lastPruneMs = now;
    for (const [node, ring] of this.rings) if (now - ring.lastMs > this.settings.windowMs) this.rings.delete(node);
  }
}

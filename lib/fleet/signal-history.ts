import 'server-only';
import type { SignalObservation } from '@/lib/domain/eviction-signals';
import { EVICTION_SIGNALS, type EvictionSignal } from '@/lib/domain/signal-conditions';

export interface SignalHistorySettings {
  /** how far back a node's history reaches (KD_HISTORY_MINUTES); 0 keeps none */
  windowMs: number;
  /** the sweep's refresh period: samples closer than 0.8 of it are coalesced into one */
  refreshMs: number;
}

/** One kept sample: when the kubelet was read (or the minute it stands for), and each signal's available amount. */
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

/** The most recent span kept at the refresh period; older samples are kept one per minute. */
const FINE_SPAN_MS = 15 * 60_000;
/** The step of the older part: one sample per minute, the lowest amount available in it. */
const COARSE_STEP_S = 60;
const COLUMNS = EVICTION_SIGNALS.length;
const columnOf = new Map<EvictionSignal, number>(EVICTION_SIGNALS.map((s, i) => [s, i]));

/**
 * Per node, two rings in one pair of typed arrays: slots [0, fine) hold the recent reads as taken, slots
 * [fine, fine + coarse) one sample per minute for the older part of the window. `values` holds COLUMNS Float32 per
 * slot (NaN: the signal was not in that read), `times` the slot's Unix second.
 */
interface Ring {
  times: Uint32Array;
  values: Float32Array;
  capacity: Float64Array;
  /** next fine slot to write, and how many fine slots hold a sample */
  fineHead: number;
  fineSize: number;
  /** same for the coarse ring (slot numbers relative to its start) */
  coarseHead: number;
  coarseSize: number;
  lastMs: number;
}

/** Bytes of one kept sample: a Uint32 time plus a Float32 per signal (the bound bench/history-bench.ts checks). */
export const bytesPerSample = (signals: number) => 4 + 4 * signals;

/**
 * Each node's eviction signals over the last `windowMs`, kept in memory per kube identity (one per Fleet, so two
 * identities never see each other's nodes), filled by every stats/summary read the fleet makes: the node list's
 * sweeps every refresh period while anyone watches the fleet, and node pages' reads. A node page then opens with
 * the last hour instead of an empty chart.
 *
 * The last 15 minutes are kept at the refresh period (reads closer together than 0.8 of a period are coalesced);
 * older samples are folded into one per minute holding, per signal, the lowest amount available in that minute —
 * the closest the node came to its eviction threshold, which a mean would hide. At the defaults (60 min, 15 s) that
 * is 76 + 46 samples per node instead of 301: the history of 5,000 nodes fell from ~65 to ~25 MiB
 * (`npm run bench -- history`). With a refresh period of a minute or more, or a window of 15 minutes or less, every
 * sample is kept as taken.
 *
 * Bounded: a node keeps at most `samplesPerNode` samples of bytesPerSample(9) bytes (every Linux eviction signal
 * has a column); a node not read for a whole window is dropped. Float32 keeps 24 bits of a value: 0.00001 % of a
 * 1 TiB disk, exact for inode and PID counts below 16 M; plenty for a chart, never used for a verdict.
 */
export class SignalHistory {
  readonly samplesPerNode: number;
  /** slots of the recent ring, and of the per-minute one (0 when every sample is kept as taken) */
  private readonly fineSlots: number;
  private readonly coarseSlots: number;
  private readonly minGapMs: number;
  private readonly rings = new Map<string, Ring>();
  private lastPruneMs = 0;

  constructor(
    private readonly settings: SignalHistorySettings,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.minGapMs = settings.refreshMs * 0.8;
    const tiered = settings.windowMs > FINE_SPAN_MS && settings.refreshMs < COARSE_STEP_S * 1000;
    const fineSpan = tiered ? FINE_SPAN_MS : settings.windowMs;
    this.fineSlots = settings.windowMs > 0 ? Math.ceil(fineSpan / this.minGapMs) + 1 : 0;
    this.coarseSlots = tiered ? Math.ceil((settings.windowMs - FINE_SPAN_MS) / (COARSE_STEP_S * 1000)) + 1 : 0;
    this.samplesPerNode = this.fineSlots + this.coarseSlots;
  }

  get windowMs(): number {
    return this.settings.windowMs;
  }

  /** how far back samples are kept as read; older ones are one per minute (the window when none are folded) */
  get fullResolutionMs(): number {
    return this.coarseSlots > 0 ? FINE_SPAN_MS : this.settings.windowMs;
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
        values: new Float32Array(this.samplesPerNode * COLUMNS).fill(NaN),
        capacity: new Float64Array(COLUMNS).fill(NaN),
        fineHead: 0,
        fineSize: 0,
        coarseHead: 0,
        coarseSize: 0,
        lastMs: 0,
      };
      this.rings.set(node, ring);
    }
    const slot = ring.fineHead;
    if (ring.fineSize === this.fineSlots && this.coarseSlots > 0) this.fold(ring, slot);
    ring.times[slot] = Math.floor(atMs / 1000);
    const row = slot * COLUMNS;
    ring.values.fill(NaN, row, row + COLUMNS); // a signal missing from this read has no value
    for (const o of observations) {
      const c = columnOf.get(o.signal);
      if (c === undefined) continue;
      ring.values[row + c] = Number(o.available);
      ring.capacity[c] = Number(o.capacity);
    }
    ring.fineHead = (slot + 1) % this.fineSlots;
    ring.fineSize = Math.min(ring.fineSize + 1, this.fineSlots);
    ring.lastMs = atMs;
  }

  /** The node's samples within the window, oldest first (empty when it has none). */
  read(node: string): NodeSignalHistory {
    const ring = this.rings.get(node);
    if (!ring) return { samples: [], capacity: {} };
    const oldestSec = (this.now() - this.settings.windowMs) / 1000;
    const samples: HistorySample[] = [];
    const push = (slot: number) => {
      const sec = ring.times[slot]!;
      if (sec < oldestSec) return;
      const available: HistorySample['available'] = {};
      const row = slot * COLUMNS;
      for (let c = 0; c < COLUMNS; c++) {
        const v = ring.values[row + c]!;
        if (!Number.isNaN(v)) available[EVICTION_SIGNALS[c]!] = v;
      }
      samples.push({ t: sec * 1000, available });
    };
    // the per-minute part is older than every recent sample (folded only when overwritten), so it comes first
    for (let i = 0; i < ring.coarseSize; i++)
      push(this.fineSlots + ((ring.coarseHead - ring.coarseSize + i + this.coarseSlots) % this.coarseSlots));
    for (let i = 0; i < ring.fineSize; i++) push((ring.fineHead - ring.fineSize + i + this.fineSlots) % this.fineSlots);
    const capacity: NodeSignalHistory['capacity'] = {};
    for (let c = 0; c < COLUMNS; c++)
      if (!Number.isNaN(ring.capacity[c]!)) capacity[EVICTION_SIGNALS[c]!] = ring.capacity[c]!;
    return { samples, capacity };
  }

  /**
   * Moves the recent sample in `fineSlot` (the oldest, about to be overwritten) into its minute of the coarse
   * ring: merged, per signal, as the lowest available amount when that minute is already the newest kept; a new
   * minute otherwise (overwriting the oldest when the ring is full).
   */
  private fold(ring: Ring, fineSlot: number): void {
    const minute = Math.floor(ring.times[fineSlot]! / COARSE_STEP_S) * COARSE_STEP_S;
    const from = fineSlot * COLUMNS;
    const newest = this.fineSlots + ((ring.coarseHead - 1 + this.coarseSlots) % this.coarseSlots);
    if (ring.coarseSize > 0 && ring.times[newest] === minute) {
      const into = newest * COLUMNS;
      for (let c = 0; c < COLUMNS; c++) {
        const v = ring.values[from + c]!;
        const kept = ring.values[into + c]!;
        if (!Number.isNaN(v) && (Number.isNaN(kept) || v < kept)) ring.values[into + c] = v;
      }
      return;
    }
    const slot = this.fineSlots + ring.coarseHead;
    ring.times[slot] = minute;
    ring.values.copyWithin(slot * COLUMNS, from, from + COLUMNS);
    ring.coarseHead = (ring.coarseHead + 1) % this.coarseSlots;
    ring.coarseSize = Math.min(ring.coarseSize + 1, this.coarseSlots);
  }

  /** Drops nodes not read for a whole window (deleted, renamed, or no longer swept), at most once a period. */
  private prune(): void {
    const now = this.now();
    if (now - this.lastPruneMs < this.settings.refreshMs) return;
    this.lastPruneMs = now;
    for (const [node, ring] of this.rings) if (now - ring.lastMs > this.settings.windowMs) this.rings.delete(node);
  }
}

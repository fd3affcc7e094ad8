import 'server-only';
import type { NodeStatsAggregate } from '@/lib/api/fleet';
import { evaluateThresholds, observeSignals, type SignalObservation } from '@/lib/domain/eviction-signals';
import type { Threshold } from '@/lib/domain/eviction-thresholds';
import type { Kube } from '@/lib/k8s/client';
import { getKubeletNodeStats } from '@/lib/k8s/kubelet';
import type { InFlightReads } from './in-flight';
import { KubeletReads } from './kubelet-reads';
import type { Limiter } from './limiter';
import { settle, type Settled } from './settle';
import type { FleetSettings } from './settings';
import { SharedCache } from './shared-cache';
import type { SignalHistory } from './signal-history';

/** What a node's stats/summary is reduced to on arrival: the eviction signals (a few numbers), nothing else. */
export type StatsEntry = Settled<SignalObservation[]>;

const asNumber = (n: bigint | undefined) => (n === undefined ? null : Number(n));

/**
 * Per-node figures for the node list from the node's eviction signals and its hard thresholds: memory and
 * nodefs available, and the headroom of the threshold closest to being met, as % of that signal's capacity
 * (the kubelet evicts when available < threshold; see eviction-signals.ts).
 */
export function aggregateStats(
  observations: readonly SignalObservation[],
  hard: readonly Threshold[],
  from: NodeStatsAggregate['thresholds'],
): NodeStatsAggregate {
  const find = (signal: string) => observations.find((o) => o.signal === signal);
  let headroom: NodeStatsAggregate['headroom'] = null;
  for (const s of evaluateThresholds(hard, observations)) {
    if (s.distance === undefined || !s.observation || s.observation.capacity <= 0n) continue;
    const percent = (Number(s.distance) / Number(s.observation.capacity)) * 100;
    if (!headroom || percent < headroom.percent)
      headroom = { signal: s.threshold.signal, percent: Math.round(percent * 10) / 10, met: s.met === true };
  }
  const nodefs = find('nodefs.available');
  return {
    memoryAvailableBytes: asNumber(find('memory.available')?.available),
    nodefsAvailableBytes: asNumber(nodefs?.available),
    nodefsCapacityBytes: asNumber(nodefs?.capacity),
    headroom,
    hardThresholds: hard.length,
    thresholds: from,
  };
}

/**
 * stats/summary for one identity: one read per node per refresh period however many viewers ask, reduced to
 * its eviction signals as it arrives (the body is dropped at once; only the node block is even validated).
 */
export class StatsCache {
  private readonly cache: SharedCache<string, StatsEntry>;
  private readonly reads: KubeletReads;

  constructor(
    private readonly kube: Kube,
    limiter: Limiter,
    private readonly settings: FleetSettings,
    private readonly now: () => number = () => Date.now(),
    /** every successful read is also kept here (the node page's last hour) */
    private readonly history?: SignalHistory,
  ) {
    this.cache = new SharedCache('stats', now);
    this.reads = new KubeletReads('stats', limiter, settings, now);
  }

  /** requests sent (tests and the bench compare it across viewers) */
  get requests(): number {
    return this.reads.count;
  }

  /** reads on the wire now (the sweeper marks stragglers from it) */
  get inFlight(): InFlightReads {
    return this.reads.inFlight;
  }

  /** Fresh for most of a refresh period, so the next sweep (one period later) reads again. */
  get(node: string): Promise<StatsEntry> {
    const maxAge = this.settings.refreshMs * 0.8;
    return this.cache.get(
      node,
      () => this.load(node),
      (e) => this.now() - e.storedAt < maxAge,
    );
  }

  /** The cached entry without reading (to re-aggregate it when the node's thresholds become known). */
  peek(node: string): StatsEntry | undefined {
    return this.cache.peek(node)?.value;
  }

  /**
   * Signals measured by another read of the same node (a page's full stats/summary): kept as if the sweep had
   * read them, so the next sweep within the period asks that kubelet nothing.
   */
  offer(node: string, entry: Extract<StatsEntry, { ok: true }>): void {
    this.cache.set(node, entry);
    this.history?.record(node, entry.at, entry.value);
  }

  forget(node: string): void {
    this.cache.delete(node);
  }

  private async load(node: string): Promise<StatsEntry> {
    const entry = await settle(async () => {
      const stats = await this.reads.read(node, () =>
        getKubeletNodeStats(this.kube, node, {
          timeoutMs: this.settings.timeoutMs,
          maxBytes: this.settings.maxStatsBytes,
        }),
      );
      return observeSignals(stats);
    });
    if (entry.ok) this.history?.record(node, entry.at, entry.value);
    return entry;
  }
}

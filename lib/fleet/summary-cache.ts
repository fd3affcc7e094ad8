import 'server-only';
import { observeSignals } from '@/lib/domain/eviction-signals';
import type { Kube } from '@/lib/k8s/client';
import { getKubeletSummary } from '@/lib/k8s/kubelet';
import type { Summary } from '@/lib/api/kubelet';
import { KubeletReads } from './kubelet-reads';
import type { Limiter } from './limiter';
import { settle, type Settled } from './settle';
import type { FleetSettings } from './settings';
import { SharedCache } from './shared-cache';
import type { StatsCache } from './stats-cache';

export interface SummaryReadOptions {
  /** the kubelet's cheap subset (`only_cpu_and_memory=true`): no filesystems, no volumes */
  onlyCpuAndMemory?: boolean;
  /** accept a cached body only if younger than this (a person's refresh); default `summaryMaxAgeMs` */
  maxAgeMs?: number;
}

/**
 * Whole stats/summary bodies for the people looking at a node (node detail's eviction panel and chart need the
 * pods too, which the sweep's StatsCache drops on arrival). Reads go through the identity's pool as interactive
 * work, so ten open node pages and a sweep share one in-flight bound. A body is shared for `summaryMaxAgeMs`
 * (however many tabs poll, a node's kubelet is asked at most once per that window) and never kept long: a
 * failure is not cached at all, and entries past twice that age are dropped on the next read. A full summary
 * also feeds the StatsCache, so the node list's next sweep does not ask that kubelet again.
 */
export class SummaryCache {
  private readonly cache: SharedCache<string, Settled<Summary>>;
  private readonly reads: KubeletReads;

  constructor(
    private readonly kube: Kube,
    limiter: Limiter,
    private readonly settings: FleetSettings,
    private readonly stats: StatsCache,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.cache = new SharedCache('summary', now);
    this.reads = new KubeletReads('summary', limiter, settings, now);
  }

  get(node: string, o: SummaryReadOptions = {}): Promise<Settled<Summary>> {
    this.prune();
    const key = `${node}${o.onlyCpuAndMemory ? '|cpu-memory' : ''}`;
    const maxAge = Math.min(o.maxAgeMs ?? Infinity, this.settings.summaryMaxAgeMs);
    return this.cache.get(
      key,
      () => this.load(node, o),
      (e) => e.value.ok && this.now() - e.storedAt < maxAge,
    );
  }

  private async load(node: string, o: SummaryReadOptions): Promise<Settled<Summary>> {
    const result = await settle(
      () =>
        this.reads.read(
          node,
          () =>
            getKubeletSummary(this.kube, node, {
              onlyCpuAndMemory: o.onlyCpuAndMemory,
              timeoutMs: this.settings.timeoutMs,
            }),
          'interactive',
        ),
      this.now,
    );
    if (result.ok && !o.onlyCpuAndMemory) {
      this.stats.offer(node, { ok: true, value: observeSignals(result.value), at: result.at });
    }
    return result;
  }

  private prune(): void {
    const cutoff = this.now() - 2 * this.settings.summaryMaxAgeMs;
    for (const key of [...this.cache.keys()]) {
      const e = this.cache.peek(key);
      if (e && e.storedAt < cutoff) this.cache.delete(key);
    }
  }
}

import 'server-only';
import type { FleetKind, FleetNodeResult, FleetSweep } from '@/lib/api/fleet';
import { metrics } from '@/lib/observability/prometheus';
import { DEFAULT_HARD_THRESHOLDS, type ConfigzCache, type NodeFacts } from './configz-cache';
import type { NodeInformer } from './node-informer';
import type { Settled } from './settle';
import { aggregateStats, type StatsCache } from './stats-cache';

export interface SweepListener {
  onNodes(results: FleetNodeResult[]): void;
  onSweep(sweep: FleetSweep): void;
}

interface SweepSources {
  nodes: NodeInformer;
  configz: ConfigzCache;
  stats: StatsCache;
  refreshMs: number;
  /** a node whose read has been on the wire this long is marked pending (see FleetSettings.straggleMs) */
  straggleMs: number;
}

/** How often a running sweep looks for stragglers to mark. */
const STRAGGLER_SCAN_MS = 250;

const iso = (ms: number) => new Date(ms).toISOString();

function failed(name: string, s: Extract<Settled<unknown>, { ok: false }>): FleetNodeResult {
  return { name, state: 'error', at: iso(s.at), reason: s.reason, message: s.message };
}

/**
 * One kind of sweep (stats or configz) for one identity, shared by every viewer: `subscribe` joins the running
 * loop (the first subscriber starts it, the last one leaving stops it after the current sweep), receives what
 * is already known at once, then each node's result as it lands. A sweep asks the per-node caches, so a
 * viewer arriving mid-sweep or a second sweep inside the TTL sends no extra request.
 */
export class Sweeper {
  private readonly results = new Map<string, FleetNodeResult>();
  private readonly listeners = new Set<SweepListener>();
  private current: Promise<FleetSweep> | undefined;
  private looping = false;
  private wakeLoop: (() => void) | undefined;
  last: FleetSweep | undefined;

  constructor(
    readonly kind: FleetKind,
    private readonly src: SweepSources,
  ) {}

  /** Latest result per node (for a viewer joining late). */
  snapshot(): FleetNodeResult[] {
    return [...this.results.values()];
  }

  subscribe(listener: SweepListener): () => void {
    this.listeners.add(listener);
    if (this.results.size > 0) listener.onNodes(this.snapshot());
    if (this.last) listener.onSweep(this.last);
    void this.loop();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.wakeLoop?.();
    };
  }

  get viewers(): number {
    return this.listeners.size;
  }

  /** Runs one sweep over every node, or joins the one already running. */
  sweepOnce(): Promise<FleetSweep> {
    this.current ??= this.run().finally(() => (this.current = undefined));
    return this.current;
  }

  private emit(result: FleetNodeResult): void {
    this.results.set(result.name, result);
    for (const l of this.listeners) l.onNodes([result]);
  }

  private resolveOne(name: string, facts: NodeFacts): Promise<FleetNodeResult> {
    if (this.kind === 'configz') {
      return this.src.configz
        .get(name, facts)
        .then((e) => (e.ok ? { name, state: 'ok', at: iso(e.at), configHash: e.value.hash } : failed(name, e)));
    }
    return this.src.stats.get(name).then((e) => {
      const own = this.src.configz.hardThresholds(name);
      // every node, answered or not: the configz read is wanted anyway (warmConfigz) and is made exactly once
      if (!own) this.readThresholds(name, facts);
      if (!e.ok) return failed(name, e);
      return {
        name,
        state: 'ok',
        at: iso(e.at),
        stats: aggregateStats(e.value, own ?? DEFAULT_HARD_THRESHOLDS, own ? 'configz' : 'defaults'),
      };
    });
  }

  /**
   * A node's headroom was measured against the kubelet defaults because its configz is not known yet: read
   * it now (queued behind the sweep's own reads; cached for later sweeps) and re-send the node measured
   * against its own evictionHard. A node whose evictionHard is stricter than the defaults (or that is evicting
   * already) would otherwise look fine until the next refresh.
   */
  private readThresholds(name: string, facts: NodeFacts): void {
    void this.src.configz.get(name, facts).then((e) => {
      const own = e.ok ? this.src.configz.hardThresholds(name) : undefined;
      const shown = this.results.get(name);
      const stats = this.src.stats.peek(name);
      if (!own || shown?.state !== 'ok' || shown.stats?.thresholds !== 'defaults' || !stats?.ok) return;
      this.emit({ ...shown, stats: aggregateStats(stats.value, own, 'configz') });
    });
  }

  /**
   * Marks nodes whose request has been on the wire for `straggleMs` as pending, so a viewer can tell a slow
   * kubelet from one not asked yet. On a refresh the previous outcome travels with the mark (`last`), so the
   * page keeps showing it, flagged slow, until the new answer lands.
   */
  private markStragglers(done: ReadonlySet<string>): void {
    const reads = this.kind === 'configz' ? this.src.configz.inFlight : this.src.stats.inFlight;
    for (const [name, since] of reads.olderThan(this.src.straggleMs)) {
      const shown = this.results.get(name);
      if (done.has(name) || shown?.state === 'pending') continue;
      this.emit({ name, state: 'pending', since: iso(since), ...(shown ? { last: shown } : {}) });
    }
  }

  /**
   * Nodes that timed out or straggled in the last sweep are asked first: a wedged kubelet usually stays wedged,
   * and its deadline then runs alongside the other reads instead of after them, so the sweep ends sooner.
   * Everything else keeps the informer's order.
   */
  private slowFirst<T extends { node: { name: string } }>(nodes: readonly T[]): T[] {
    const slow = (name: string) => {
      const r = this.results.get(name);
      return r?.state === 'pending' || (r?.state === 'error' && r.reason === 'Timeout');
    };
    return [...nodes.filter((n) => slow(n.node.name)), ...nodes.filter((n) => !slow(n.node.name))];
  }

  private async run(): Promise<FleetSweep> {
    const end = metrics().sweepDuration.startTimer({ kind: this.kind });
    const started = performance.now();
    await this.src.nodes.ready();
    const nodes = this.slowFirst(this.src.nodes.list());
    const present = new Set(nodes.map((n) => n.node.name));
    for (const name of [...this.results.keys()]) if (!present.has(name)) this.results.delete(name);
    let ok = 0;
    const done = new Set<string>();
    const scan = setInterval(() => this.markStragglers(done), STRAGGLER_SCAN_MS);
    scan.unref?.();
    try {
      await Promise.all(
        nodes.map(({ node, bootID }) =>
          this.resolveOne(node.name, { kubeletVersion: node.nodeInfo.kubeletVersion, bootID, ready: node.ready }).then(
            (r) => {
              if (r.state === 'ok') ok++;
              done.add(r.name);
              this.emit(r);
            },
          ),
        ),
      );
    } finally {
      clearInterval(scan);
    }
    end();
    const sweep: FleetSweep = {
      kind: this.kind,
      total: nodes.length,
      ok,
      errors: nodes.length - ok,
      durationMs: Math.round(performance.now() - started),
      finishedAt: new Date().toISOString(),
    };
    this.last = sweep;
    for (const l of this.listeners) l.onSweep(sweep);
    return sweep;
  }

  /**
   * Sweeps every refresh period while anyone listens. After a stats sweep, configz of nodes not read yet (or
   * stale) is fetched in the background, so the next stats sweep measures headroom against each node's own
   * evictionHard instead of the defaults.
   */
  private async loop(): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    try {
      while (this.listeners.size > 0) {
        await this.sweepOnce().catch(() => undefined); // a failed node list: the stream reports it; retry next period
        if (this.listeners.size === 0) break;
        if (this.kind === 'stats') this.warmConfigz();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.src.refreshMs);
          timer.unref?.();
          this.wakeLoop = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeLoop = undefined;
      }
    } finally {
      this.looping = false;
    }
  }

  private warmConfigz(): void {
    for (const { node, bootID } of this.src.nodes.list()) {
      void this.src.configz.get(node.name, { kubeletVersion: node.nodeInfo.kubeletVersion, bootID, ready: node.ready });
    }
  }
}

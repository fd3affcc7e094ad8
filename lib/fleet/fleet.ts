import 'server-only';
import type { FleetKind } from '@/lib/api/fleet';
import type { Kube } from '@/lib/k8s/client';
import { ConfigzCache, type NodeFacts } from './configz-cache';
import { Limiter } from './limiter';
import { backgroundShare } from './loop-pressure';
import { NodeInformer } from './node-informer';
import { PodInformer } from './pod-informer';
import { fleetSettings, type FleetSettings } from './settings';
import { StatsCache } from './stats-cache';
import { SummaryCache } from './summary-cache';
import { SignalHistory } from './signal-history';
import { Sweeper } from './sweep';

/**
 * Everything the fleet layer shares for one kube identity (Kube.identity): the node informer, one pool and
 * rate limiter for every kubelet request made with these credentials (sweeps, compare, node pages, explain:
 * nothing else in the app reads a kubelet), the configz, stats and summary caches, and the two sweepers. Ten tabs of the same user cost the cluster what one does; two users never share an entry.
 */
export interface Fleet {
  readonly key: string;
  readonly kube: Kube;
  readonly settings: FleetSettings;
  readonly limiter: Limiter;
  readonly nodes: NodeInformer;
  /** per-node pod requests/limits/counts, kept by a pods watch */
  readonly pods: PodInformer;
  readonly configz: ConfigzCache;
  readonly stats: StatsCache;
  /** whole stats/summary bodies for node pages (interactive; feeds `stats`) */
  readonly summaries: SummaryCache;
  /** each node's eviction signals over the last hour, from every stats read above */
  readonly history: SignalHistory;
  sweeper(kind: FleetKind): Sweeper;
}

function createFleet(kube: Kube, key: string, settings: FleetSettings): Fleet {
  const limiter = new Limiter({
    concurrency: settings.concurrency,
    qps: settings.qps,
    burst: settings.burst,
    backgroundShare,
    // from 4 reads (connections) to the bound within the first ~50 answers; again after the agents' idle timeout
    // (lib/k8s/agents.ts, 30 s), when the connections have closed
    slowStart: { initial: 4, idleResetMs: 30_000 },
  });
  const nodes = new NodeInformer(kube);
  const pods = new PodInformer(kube);
  const configz = new ConfigzCache(kube, limiter, settings);
  const history = new SignalHistory({ windowMs: settings.historyWindowMs, refreshMs: settings.refreshMs });
  const stats = new StatsCache(kube, limiter, settings, undefined, history);
  const summaries = new SummaryCache(kube, limiter, settings, stats);
  const sources = { nodes, configz, stats, refreshMs: settings.refreshMs, straggleMs: settings.straggleMs };
  const sweepers = { stats: new Sweeper('stats', sources), configz: new Sweeper('configz', sources) };
  return {
    key,
    kube,
    settings,
    limiter,
    nodes,
    pods,
    configz,
    stats,
    summaries,
    history,
    sweeper: (kind) => sweepers[kind],
  };
}

// On globalThis so Next's dev-mode module reloading keeps one registry (and one watch per identity).
const KEY = Symbol.for('kubelet-dashboard.fleets');
type WithFleets = typeof globalThis & { [KEY]?: Map<string, Fleet> };

function registry(): Map<string, Fleet> {
  const g = globalThis as WithFleets;
  g[KEY] ??= new Map();
  return g[KEY];
}

/** The shared fleet state of this Kube's identity, created on first use. */
export function getFleet(kube: Kube, settings: FleetSettings = fleetSettings()): Fleet {
  const key = kube.identity;
  const fleets = registry();
  let fleet = fleets.get(key);
  if (!fleet) {
    fleet = createFleet(kube, key, settings);
    fleets.set(key, fleet);
  }
  return fleet;
}

/** Stops every informer and forgets all fleets (tests start sims with fresh credentials per file). */
export function resetFleetsForTests(): void {
  for (const f of registry().values()) {
    f.nodes.stop();
    f.pods.stop();
  }
  registry().clear();
}

/** What the fleet's node watch knows about the node, when it runs (it decides whether a cached configz is stale). */
export function watchedFacts(fleet: Fleet, node: string): NodeFacts | undefined {
  const watched = fleet.nodes.get(node);
  if (!watched) return undefined;
  return { kubeletVersion: watched.node.nodeInfo.kubeletVersion, bootID: watched.bootID, ready: watched.node.ready };
}

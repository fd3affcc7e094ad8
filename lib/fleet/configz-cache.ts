import 'server-only';
import { createHash } from 'node:crypto';
import { parseEvictionSettings, type EvictionSettings, type Threshold } from '@/lib/domain/eviction-thresholds';
import type { Kube } from '@/lib/k8s/client';
import { getKubeletConfigzBytes } from '@/lib/k8s/kubelet';
import type { InFlightReads } from './in-flight';
import { KubeletReads } from './kubelet-reads';
import type { Limiter, Priority } from './limiter';
import { settle, type Settled } from './settle';
import type { FleetSettings } from './settings';
import { SharedCache, type Stored } from './shared-cache';

/** What configz validity depends on, from the Node object (the node informer, or the caller's versions). */
export interface NodeFacts {
  kubeletVersion: string;
  /** '' when unknown: then only the version and the TTL can invalidate */
  bootID?: string;
  ready?: string;
}

export type ConfigzEntry = Settled<{ hash: string }> & { facts: NodeFacts };

export interface ConfigzReadOptions {
  /** overrides the fleet's kubelet deadline */
  timeoutMs?: number;
  /** a person is waiting (node detail, explain): accept nothing older than this, and no cached failure */
  maxAgeMs?: number;
  priority?: Priority;
}

/**
 * Whether a cached configz must be read again. configz only changes when the kubelet restarts with a new
 * config, which shows on the Node as a new kubeletVersion, a new bootID (reboot), or a Ready transition
 * (a restarted kubelet posts NotReady→Ready); otherwise it is re-read after `ttlMs` in case of a restart we
 * could not see (a kubelet restart without a reboot keeps the bootID). Failures expire after `errorTtlMs`.
 * Facts the caller does not know (undefined) do not invalidate.
 * @internal exported for its unit tests
 */
export function configzStale(
  entry: { value: ConfigzEntry; storedAt: number },
  facts: NodeFacts | undefined,
  now: number,
  o: { ttlMs: number; errorTtlMs: number },
): boolean {
  const age = now - entry.storedAt;
  if (!entry.value.ok) return age >= o.errorTtlMs;
  if (age >= o.ttlMs) return true;
  if (!facts) return false;
  const was = entry.value.facts;
  if (facts.kubeletVersion && facts.kubeletVersion !== was.kubeletVersion) return true;
  if (facts.bootID !== undefined && was.bootID !== undefined && facts.bootID !== was.bootID) return true;
  if (facts.ready !== undefined && was.ready !== undefined && facts.ready !== was.ready) return true;
  return false;
}

/** Kubelet defaults (eviction.DefaultEvictionHard, Linux) for a node whose configz is not read yet. */
const DEFAULT_EVICTION_HARD = {
  'memory.available': '100Mi',
  'nodefs.available': '10%',
  'nodefs.inodesFree': '5%',
  'imagefs.available': '15%',
};
export const DEFAULT_HARD_THRESHOLDS: readonly Threshold[] = parseEvictionSettings({
  evictionHard: DEFAULT_EVICTION_HARD,
}).thresholds;

interface Body {
  /** the config as JSON text: a few KB, where the parsed object graph costs several times that */
  text: string;
  refs: number;
  hardThresholds?: Threshold[];
}

/**
 * configz for one identity: a SharedCache of per-node entries that hold only a content hash, and one copy of
 * each distinct body (most of a fleet runs a handful of configs, so 5,000 nodes keep tens of bodies, not
 * thousands). Bodies are kept as JSON text and parsed per caller, so no caller can alter another's copy.
 */
export class ConfigzCache {
  private readonly cache: SharedCache<string, ConfigzEntry>;
  private readonly bodies = new Map<string, Body>();
  private readonly reads: KubeletReads;

  constructor(
    private readonly kube: Kube,
    limiter: Limiter,
    private readonly settings: FleetSettings,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.cache = new SharedCache('configz', now);
    this.reads = new KubeletReads('configz', limiter, settings, now);
  }

  /** requests sent (tests and the bench compare it across viewers) */
  get requests(): number {
    return this.reads.count;
  }

  /** of those, second asks of a late read (kubelet-reads.ts) */
  get hedges(): number {
    return this.reads.hedges;
  }

  /** reads on the wire now (the sweeper marks stragglers from it) */
  get inFlight(): InFlightReads {
    return this.reads.inFlight;
  }

  get distinctBodies(): number {
    return this.bodies.size;
  }

  /**
   * The node's configz entry: cached unless `configzStale`, else one (shared) read through the pool. `maxAgeMs`
   * (a person asking) also refuses an entry older than that, and any cached failure: a page shows what the
   * kubelet says now, or its error now, not a sweep's from minutes ago.
   */
  get(node: string, facts: NodeFacts | undefined, o: ConfigzReadOptions = {}): Promise<ConfigzEntry> {
    const rule = { ttlMs: this.settings.configzTtlMs, errorTtlMs: this.settings.refreshMs };
    const { maxAgeMs } = o;
    const entry = this.cache.get(
      node,
      () => this.load(node, facts ?? { kubeletVersion: '' }, o),
      (e) =>
        !configzStale(e, facts, this.now(), rule) &&
        (maxAgeMs === undefined || (e.value.ok && this.now() - e.storedAt < maxAgeMs)),
    );
    if (o.priority === 'interactive') this.reads.promote(node);
    return entry;
  }

  /** The node's config as the caller's own copy (a fresh parse), or why it could not be read. */
  async read(
    node: string,
    facts: NodeFacts | undefined,
    o: ConfigzReadOptions = {},
  ): Promise<Settled<Record<string, unknown>>> {
    const entry = await this.get(node, facts, o);
    if (!entry.ok) {
      const { facts: _facts, ...failure } = entry;
      return failure;
    }
    const config = this.configOfBody(entry.value.hash);
    if (config) return { ok: true, value: config, at: entry.at };
    return {
      ok: false,
      reason: 'InternalError',
      code: 500,
      message: 'configz was evicted while being read',
      at: entry.at,
    };
  }

  /** The cached entry without reading (stats use it for thresholds; no request is ever made for them). */
  peek(node: string): Stored<ConfigzEntry> | undefined {
    return this.cache.peek(node);
  }

  /**
   * A fresh parse of the body with this hash (the caller owns it): for callers that judge each distinct config
   * once (posture) rather than each node.
   */
  configOfBody(hash: string): Record<string, unknown> | undefined {
    const body = this.bodies.get(hash);
    return body ? (JSON.parse(body.text) as Record<string, unknown>) : undefined;
  }

  /** Hard eviction thresholds of the node's cached config, parsed once per distinct body. */
  hardThresholds(node: string): Threshold[] | undefined {
    const entry = this.cache.peek(node)?.value;
    if (!entry?.ok) return undefined;
    const body = this.bodies.get(entry.value.hash);
    if (!body) return undefined;
    if (!body.hardThresholds) {
      const config = JSON.parse(body.text) as { evictionHard?: EvictionSettings['evictionHard'] };
      body.hardThresholds = parseEvictionSettings({ evictionHard: config.evictionHard }).thresholds.filter(
        (t) => t.hard,
      );
    }
    return body.hardThresholds;
  }

  private async load(node: string, facts: NodeFacts, o: ConfigzReadOptions): Promise<ConfigzEntry> {
    const result = await settle(() =>
      this.reads.read(
        node,
        async () => {
          const raw = await getKubeletConfigzBytes(this.kube, node, {
            timeoutMs: o.timeoutMs ?? this.settings.timeoutMs,
            maxBytes: this.settings.maxConfigzBytes,
          });
          // Keyed by the bytes the kubelet sent: a body already kept was validated when it was first read, so the
          // same bytes from another node need no parse (most of a fleet runs a handful of configs). Kept here, in
          // the same turn as the lookup, so a concurrent release cannot drop it in between.
          const hash = createHash('sha256').update(raw.bytes).digest('hex').slice(0, 16);
          const kept = this.bodies.get(hash);
          if (kept) kept.refs++;
          else this.bodies.set(hash, { text: JSON.stringify(raw.parse().kubeletconfig), refs: 1 });
          return { hash };
        },
        o.priority,
      ),
    );
    const previous = this.cache.peek(node)?.value;
    if (previous?.ok) this.release(previous.value.hash);
    if (!result.ok) return { ...result, facts };
    return { ok: true, value: { hash: result.value.hash }, at: result.at, facts };
  }

  private release(hash: string): void {
    const body = this.bodies.get(hash);
    if (body && --body.refs <= 0) this.bodies.delete(hash);
  }
}

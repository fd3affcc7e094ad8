import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetNodeResult, FleetSweep } from '@/lib/api/fleet';
import { resetEnvForTests } from '@/lib/env';
import { metrics } from '@/lib/observability/prometheus';
import { getKube, resetKubeCacheForTests, type Kube } from '@/lib/k8s/client';
import { startFakeApiserver, type FakeApiserver } from '@/lib/k8s/testing/fake-apiserver';
import { ConfigzCache } from './configz-cache';
import { Limiter } from './limiter';
import { NodeInformer } from './node-informer';
import type { FleetSettings } from './settings';
import { StatsCache } from './stats-cache';
import { SummaryCache } from './summary-cache';
import { Sweeper } from './sweep';

const NODES = Array.from({ length: 40 }, (_, i) => `node-${i}`);
const DELAY_MS = 15;

/** Requests the fake has received and not yet answered; `peak` is the most at once. */
const load = { inFlight: 0, peak: 0, byPath: new Map<string, number>() };
let hungNode = '';
let configBody: (node: string) => { kubeletconfig: Record<string, unknown> } = () => ({
  kubeletconfig: { maxPods: 110 },
});

const summary = {
  node: {
    memory: { availableBytes: 2e9, workingSetBytes: 2e9 },
    fs: { availableBytes: 50e9, capacityBytes: 100e9, inodesFree: 9e6, inodes: 1e7 },
  },
  pods: [{ podRef: { name: 'p', namespace: 'd' } }],
};

let fake: FakeApiserver;
let kube: Kube;

beforeAll(async () => {
  fake = await startFakeApiserver((p) => {
    load.byPath.set(p, (load.byPath.get(p) ?? 0) + 1);
    const node = /^\/api\/v1\/nodes\/([^/]+)\/proxy\//.exec(p)?.[1] ?? '';
    if (node === hungNode) return { delayMs: 60_000 };
    // Counted out when the answer is due: this timer is created before the fake's own, so it fires first.
    load.inFlight++;
    load.peak = Math.max(load.peak, load.inFlight);
    setTimeout(() => load.inFlight--, DELAY_MS);
    if (p.endsWith('/proxy/configz')) return { delayMs: DELAY_MS, body: JSON.stringify(configBody(node)) };
    if (p.endsWith('/proxy/stats/summary')) return { delayMs: DELAY_MS, body: JSON.stringify(summary) };
    return { status: 404, body: '404 page not found', contentType: 'text/plain', delayMs: DELAY_MS };
  });
  process.env.KUBECONFIG = fake.kubeconfigPath;
  resetEnvForTests();
  resetKubeCacheForTests();
  kube = getKube({ context: 'fake' });
});
afterAll(async () => {
  delete process.env.KUBECONFIG;
  resetEnvForTests();
  resetKubeCacheForTests();
  await fake.close();
});
beforeEach(() => {
  load.inFlight = 0;
  load.peak = 0;
  load.byPath.clear();
  hungNode = '';
});

const settings = (over: Partial<FleetSettings> = {}): FleetSettings => ({
  preset: 'default',
  concurrency: 4,
  qps: 10_000,
  burst: 10_000,
  timeoutMs: 2000,
  refreshMs: 60_000,
  configzTtlMs: 30 * 60_000,
  configzPageMaxAgeMs: 60_000,
  summaryMaxAgeMs: 5000,
  attempts: 2,
  // hedged reads have their own tests (kubelet-reads.test.ts); here a hung kubelet must stay hung
  hedgeMs: 0,
  straggleMs: 1000,
  maxConfigzBytes: 1 << 20,
  maxStatsBytes: 4 << 20,
  historyWindowMs: 60 * 60_000,
  ...over,
});

const requestsTo = (suffix: string) =>
  [...load.byPath].filter(([p]) => p.endsWith(suffix)).reduce((n, [, c]) => n + c, 0);

/** An informer fed from a fixed list (no watch), so sweeps have nodes without the fake implementing one. */
function staticInformer(names: string[], facts: { bootID?: string; version?: string } = {}) {
  const items = names.map((name) => ({
    node: {
      name,
      uid: name,
      createdAt: '',
      labels: {},
      annotations: {},
      ready: 'True' as const,
      roles: [],
      pressures: [],
      conditions: [],
      addresses: [],
      unschedulable: false,
      taints: [],
      podCIDRs: [],
      capacity: {},
      allocatable: {},
      nodeInfo: {
        kubeletVersion: facts.version ?? 'v1.33.2',
        osImage: '',
        kernelVersion: '',
        architecture: '',
        containerRuntime: '',
        operatingSystem: '',
      },
    },
    bootID: facts.bootID ?? 'boot-1',
    resourceVersion: '1',
  }));
  return new NodeInformer(kube, {
    list: async () => ({ items, resourceVersion: '1' }),
    watch: async () => () => undefined,
  });
}

describe('fleet pool against a slow fake apiserver', () => {
  it('never has more than the configured number of kubelet requests in flight', async () => {
    const s = settings({ concurrency: 4 });
    const configz = new ConfigzCache(kube, new Limiter(s), s);
    const entries = await Promise.all(NODES.map((n) => configz.get(n, undefined)));
    expect(entries.every((e) => e.ok)).toBe(true);
    expect(load.peak).toBeLessThanOrEqual(4);
    expect(load.peak).toBeGreaterThanOrEqual(3);
  });

  it('coalesces concurrent callers of one node into one request', async () => {
    const s = settings();
    const configz = new ConfigzCache(kube, new Limiter(s), s);
    const entries = await Promise.all(Array.from({ length: 25 }, () => configz.get('node-1', undefined)));
    expect(new Set(entries.map((e) => (e.ok ? e.value.hash : e.reason))).size).toBe(1);
    expect(requestsTo('/node-1/proxy/configz')).toBe(1);
  });

  it('marks a hung kubelet Timeout at its deadline without holding up the others', async () => {
    hungNode = 'node-3';
    const s = settings({ timeoutMs: 300, attempts: 1 });
    const configz = new ConfigzCache(kube, new Limiter(s), s);
    const t0 = performance.now();
    const entries = await Promise.all(NODES.slice(0, 10).map((n) => configz.get(n, undefined)));
    const elapsed = performance.now() - t0;
    const hung = entries[3];
    expect(hung?.ok).toBe(false);
    expect(hung && !hung.ok && hung.reason).toBe('Timeout');
    expect(entries.filter((e) => e.ok)).toHaveLength(9);
    expect(elapsed).toBeLessThan(1500);
  });

  it('re-reads configz when the bootID or kubelet version changes, and not otherwise', async () => {
    const s = settings();
    const configz = new ConfigzCache(kube, new Limiter(s), s);
    const facts = { kubeletVersion: 'v1.33.2', bootID: 'b1', ready: 'True' };
    await configz.get('node-7', facts);
    await configz.get('node-7', facts);
    await configz.get('node-7', { ...facts });
    expect(requestsTo('/node-7/proxy/configz')).toBe(1);
    await configz.get('node-7', { ...facts, bootID: 'b2' });
    expect(requestsTo('/node-7/proxy/configz')).toBe(2);
    await configz.get('node-7', { ...facts, bootID: 'b2', kubeletVersion: 'v1.34.0' });
    expect(requestsTo('/node-7/proxy/configz')).toBe(3);
    await configz.get('node-7', { ...facts, bootID: 'b2', kubeletVersion: 'v1.34.0' });
    expect(requestsTo('/node-7/proxy/configz')).toBe(3);
  });

  it('counts each kubelet read once in /metrics (the transport counts it; the cache does not again)', async () => {
    const okReads = async () =>
      Number(
        /kd_apiserver_requests_total\{endpoint="proxy\.configz",outcome="ok"\} (\d+)/.exec(
          await metrics().registry.metrics(),
        )?.[1] ?? 0,
      );
    const s = settings();
    const configz = new ConfigzCache(kube, new Limiter(s), s);
    const before = await okReads();
    await Promise.all(NODES.slice(0, 5).map((n) => configz.get(n, undefined)));
    expect(configz.requests).toBe(5);
    expect((await okReads()) - before).toBe(5);
  });

  it('keeps one copy of identical configz bodies', async () => {
    const s = settings();
    const configz = new ConfigzCache(kube, new Limiter(s), s);
    configBody = (node) => ({ kubeletconfig: { maxPods: node === 'node-0' ? 64 : 110 } });
    await Promise.all(NODES.map((n) => configz.get(n, undefined)));
    expect(configz.distinctBodies).toBe(2);
  });
});

describe('page reads (node detail, explain)', () => {
  it('a page accepts a sweep’s configz only while young, and never a cached failure', async () => {
    let now = 0;
    const s = settings();
    const configz = new ConfigzCache(kube, new Limiter(s), s, () => now);
    await configz.get('node-8', undefined); // the sweep's read
    now = 10_000;
    const page = await configz.read('node-8', undefined, { maxAgeMs: 15_000, priority: 'interactive' });
    expect(page).toMatchObject({ ok: true, value: { maxPods: 110 } });
    expect(requestsTo('/node-8/proxy/configz')).toBe(1);
    now = 20_000; // older than the page accepts, though the sweep would still use it
    await configz.read('node-8', undefined, { maxAgeMs: 15_000 });
    expect(requestsTo('/node-8/proxy/configz')).toBe(2);

    hungNode = 'node-9';
    const quick = settings({ timeoutMs: 100, attempts: 1 });
    const failing = new ConfigzCache(kube, new Limiter(quick), quick, () => now);
    expect((await failing.get('node-9', undefined)).ok).toBe(false);
    expect((await failing.get('node-9', undefined)).ok).toBe(false); // the sweep keeps its failure for a period
    expect(requestsTo('/node-9/proxy/configz')).toBe(1);
    await failing.read('node-9', undefined, { maxAgeMs: 15_000 }); // a page asks again
    expect(requestsTo('/node-9/proxy/configz')).toBe(2);
  });

  it('hands each page its own copy of the config', async () => {
    const s = settings();
    const configz = new ConfigzCache(kube, new Limiter(s), s);
    const a = await configz.read('node-10', undefined);
    if (a.ok) a.value.maxPods = 1;
    expect(await configz.read('node-10', undefined)).toMatchObject({ ok: true, value: { maxPods: 110 } });
  });

  it('shares one stats/summary among a node’s viewers for summaryMaxAgeMs, and feeds the sweep’s stats', async () => {
    let now = 0;
    const s = settings({ summaryMaxAgeMs: 5000 });
    const limiter = new Limiter(s);
    const stats = new StatsCache(kube, limiter, s, () => now);
    const summaries = new SummaryCache(kube, limiter, s, stats, () => now);
    const views = await Promise.all(Array.from({ length: 10 }, () => summaries.get('node-11')));
    expect(views.every((v) => v.ok && v.value.pods?.length === 1)).toBe(true);
    expect(requestsTo('/node-11/proxy/stats/summary')).toBe(1);
    now = 4000;
    await summaries.get('node-11');
    expect(requestsTo('/node-11/proxy/stats/summary')).toBe(1);
    // the node list's sweep finds the page's signals and asks that kubelet nothing
    expect((await stats.get('node-11')).ok).toBe(true);
    expect(requestsTo('/node-11/proxy/stats/summary')).toBe(1);
    now = 5000;
    await summaries.get('node-11');
    expect(requestsTo('/node-11/proxy/stats/summary')).toBe(2);
    // the cheap subset is its own entry (it has no filesystems)
    await summaries.get('node-11', { onlyCpuAndMemory: true });
    expect(requestsTo('/node-11/proxy/stats/summary?only_cpu_and_memory=true')).toBe(1);
  });

  it('never caches a failed stats/summary for a page', async () => {
    hungNode = 'node-12';
    const s = settings({ timeoutMs: 100, attempts: 1 });
    const limiter = new Limiter(s);
    const summaries = new SummaryCache(kube, limiter, s, new StatsCache(kube, limiter, s));
    expect(await summaries.get('node-12')).toMatchObject({ ok: false, reason: 'Timeout' });
    expect(await summaries.get('node-12')).toMatchObject({ ok: false, reason: 'Timeout' });
    expect(requestsTo('/node-12/proxy/stats/summary')).toBe(2);
  });
});

describe('Sweeper', () => {
  function sources(s: FleetSettings) {
    const limiter = new Limiter(s);
    return {
      nodes: staticInformer(NODES),
      configz: new ConfigzCache(kube, limiter, s),
      stats: new StatsCache(kube, limiter, s),
      refreshMs: s.refreshMs,
      straggleMs: s.straggleMs,
    };
  }

  it('marks a silent kubelet pending once it straggles, then timed out, asking it only once', async () => {
    hungNode = 'node-5';
    const src = sources(settings({ timeoutMs: 900, straggleMs: 300 }));
    const sweeper = new Sweeper('stats', src);
    const seen: FleetNodeResult[] = [];
    const unsub = sweeper.subscribe({
      onNodes: (rs) => rs.filter((r) => r.name === 'node-5').forEach((r) => seen.push(r)),
      onSweep: () => undefined,
    });
    const sweep = await sweeper.sweepOnce();
    unsub();
    expect(seen.map((r) => r.state)).toEqual(['pending', 'error']);
    const [pending, final] = seen;
    expect(pending?.state === 'pending' && Date.parse(pending.since)).toBeGreaterThan(0);
    expect(final?.state === 'error' && final.reason).toBe('Timeout');
    expect(sweep).toMatchObject({ total: NODES.length, ok: NODES.length - 1, errors: 1 });
    // a kubelet silent through the whole deadline is not asked twice in one sweep
    expect(requestsTo('/node-5/proxy/stats/summary')).toBe(1);
    // the others answered in DELAY_MS: none was ever marked a straggler
    expect(sweeper.snapshot().filter((r) => r.state === 'pending')).toEqual([]);

    // the next sweep asks it first (its deadline then runs alongside the others), marks it again, and carries
    // the last outcome so the page keeps showing it
    seen.length = 0;
    for (const n of NODES) src.stats.forget(n);
    const before = fake.requests.length;
    const again = sweeper.subscribe({
      onNodes: (rs) => rs.filter((r) => r.name === 'node-5').forEach((r) => seen.push(r)),
      onSweep: () => undefined,
    });
    seen.length = 0; // drop the snapshot replayed on subscribe
    await sweeper.sweepOnce();
    again();
    expect(seen.map((r) => r.state)).toEqual(['pending', 'error']);
    expect(seen[0]?.state === 'pending' && seen[0].last).toMatchObject({ state: 'error', reason: 'Timeout' });
    const statsAsked = fake.requests.slice(before).filter((p) => p.endsWith('/proxy/stats/summary'));
    expect(statsAsked[0]).toBe('/api/v1/nodes/node-5/proxy/stats/summary');
    expect(statsAsked).toHaveLength(NODES.length);
  });

  it('costs ten concurrent viewers what it costs one', async () => {
    const one = new Sweeper('stats', sources(settings()));
    await one.sweepOnce();
    const single = requestsTo('/proxy/stats/summary');
    expect(single).toBe(NODES.length);

    load.byPath.clear();
    const shared = new Sweeper('stats', sources(settings()));
    const got = Array.from({ length: 10 }, () => new Map<string, FleetNodeResult>());
    const done = await new Promise<FleetSweep[]>((resolve) => {
      const sweeps: FleetSweep[] = [];
      const unsubs = got.map((m) =>
        shared.subscribe({
          onNodes: (rs) => rs.forEach((r) => m.set(r.name, r)),
          onSweep: (sw) => {
            sweeps.push(sw);
            if (sweeps.length === got.length) {
              unsubs.forEach((u) => u());
              resolve(sweeps);
            }
          },
        }),
      );
    });
    expect(done.every((d) => d.total === NODES.length && d.ok === NODES.length)).toBe(true);
    expect(got.every((m) => m.size === NODES.length)).toBe(true);
    expect(requestsTo('/proxy/stats/summary')).toBe(single);
  });

  it('reports per-node headroom from the summary, against defaults until configz is known', async () => {
    const sweeper = new Sweeper('stats', sources(settings()));
    const first = new Map<string, FleetNodeResult>();
    const unsub = sweeper.subscribe({
      onNodes: (rs) => rs.forEach((r) => first.has(r.name) || first.set(r.name, r)),
      onSweep: () => undefined,
    });
    await sweeper.sweepOnce();
    unsub();
    const r = first.get('node-0');
    expect(r?.state).toBe('ok');
    if (r?.state !== 'ok') return;
    expect(r.stats?.thresholds).toBe('defaults');
    // nodefs 50 % available vs the 10 % default; memory 2 GB of 4 GB vs 100Mi: nodefs is the closer one
    expect(r.stats?.headroom).toMatchObject({ signal: 'nodefs.available', met: false });
    expect(r.stats?.headroom?.percent).toBeCloseTo(40, 0);
  });
});

describe('Sweeper thresholds', () => {
  it('re-sends a node against its own evictionHard as soon as its configz arrives', async () => {
    // memory.available is 2 GB: fine against the 100Mi default, past a 3Gi threshold of the node's own
    configBody = () => ({ kubeletconfig: { evictionHard: { 'memory.available': '3Gi' } } });
    const s = settings();
    const limiter = new Limiter(s);
    const src = {
      nodes: staticInformer(NODES),
      configz: new ConfigzCache(kube, limiter, s),
      stats: new StatsCache(kube, limiter, s),
      refreshMs: s.refreshMs,
      straggleMs: s.straggleMs,
    };
    const sweeper = new Sweeper('stats', src);
    const seen: FleetNodeResult[] = [];
    const resent = new Promise<void>((resolve) => {
      const unsub = sweeper.subscribe({
        onNodes: (rs) => {
          for (const r of rs.filter((x) => x.name === 'node-0')) {
            seen.push(r);
            if (r.state === 'ok' && r.stats?.thresholds === 'configz') {
              unsub();
              resolve();
            }
          }
        },
        onSweep: () => undefined,
      });
    });
    await resent;
    const [before, after] = seen;
    expect(seen).toHaveLength(2);
    expect(before?.state === 'ok' && before.stats).toMatchObject({ thresholds: 'defaults', headroom: { met: false } });
    expect(after?.state === 'ok' && after.stats).toMatchObject({
      thresholds: 'configz',
      headroom: { signal: 'memory.available', met: true },
    });
    // one configz read per node (counted by this cache: other tests' reads may still reach the shared fake),
    // and none again on the next sweep: the thresholds are cached
    await vi.waitFor(() => expect(src.configz.requests).toBe(NODES.length));
    await vi.waitFor(() => expect(src.configz.inFlight.size).toBe(0));
    for (const n of NODES) src.stats.forget(n);
    await sweeper.sweepOnce();
    expect(src.configz.requests).toBe(NODES.length);
    const latest = sweeper.snapshot().find((r) => r.name === 'node-0');
    expect(latest?.state === 'ok' && latest.stats?.thresholds).toBe('configz');
  });
});

describe('Kube.identity (what every fleet cache is keyed by)', () => {
  it('separates contexts, and never equals for different credentials', () => {
    const a = getKube({ context: 'fake' });
    const b = getKube({ context: 'fake-other' });
    expect(a.identity).not.toBe(b.identity);
    expect(a.identity).toBe(getKube({ context: 'fake' }).identity);
    expect(a.identity).not.toContain('secret-token');
  });
});

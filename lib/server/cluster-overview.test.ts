import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ClusterEventSchema, type ClusterEvent } from '@/lib/api/clusters';
import { CompareQuerySchema } from '@/lib/api/compare';
import * as z from '@/lib/zod-mini';
import { getKube } from '@/lib/k8s/client';
import { resetFleetsForTests } from '@/lib/fleet/fleet';
import { ACK_FLOOD, DEMO_CLUSTER_NODES, DEMO_CLUSTER_VERSIONS, DEMO_CONTEXTS } from '@/sim/fleet/demo-clusters';
import type { SimClusters } from '@/sim/server/clusters';
import { startDemoClusters } from '@/sim/server/demo-clusters';
import { clusterOverview } from './cluster-overview';
import { getCompare } from './compare';

/**
 * The overview against the demo's three simulated clusters, its two broken contexts, a context whose server
 * accepts connections and never answers (a hang), and one whose exec credential plugin is not installed.
 */
let clusters: SimClusters;
let hang: net.Server;
const held: net.Socket[] = [];
let kubeconfigPath: string;
const HANGS = 'hangs-forever';
const NO_PLUGIN = 'exec-plugin-missing';
/** the hang test's deadline; the others get 30 s, so a loaded machine does not turn a slow answer into a timeout */
const HANG_DEADLINE_MS = 3000;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kd-overview-'));
  clusters = await startDemoClusters({ kubeconfigPath: path.join(dir, 'demo-kubeconfig') });
  hang = net.createServer((s) => void held.push(s)); // accepts, never speaks TLS: the client waits
  await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
  const port = (hang.address() as net.AddressInfo).port;
  const kc = parse(clusters.kubeconfig) as {
    clusters: unknown[];
    users: unknown[];
    contexts: unknown[];
  };
  kc.clusters.push({ name: HANGS, cluster: { server: `https://127.0.0.1:${port}` } });
  kc.users.push({ name: HANGS, user: { token: 'irrelevant' } });
  kc.contexts.push({ name: HANGS, context: { cluster: HANGS, user: HANGS } });
  kc.users.push({
    name: NO_PLUGIN,
    user: {
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1',
        command: 'kd-no-such-credential-plugin',
        interactiveMode: 'Never',
      },
    },
  });
  kc.contexts.push({ name: NO_PLUGIN, context: { cluster: DEMO_CONTEXTS.kubeasz, user: NO_PLUGIN } });
  kubeconfigPath = path.join(dir, 'kubeconfig');
  writeFileSync(kubeconfigPath, stringify(kc), { mode: 0o600 });
  expect(readFileSync(kubeconfigPath, 'utf8')).toContain(HANGS);
});

afterAll(async () => {
  resetFleetsForTests();
  for (const s of held) s.destroy();
  hang?.close();
  await clusters?.close();
});

async function run(contexts: string[], deadlineMs = 30_000): Promise<Array<{ at: number; e: ClusterEvent }>> {
  const events: Array<{ at: number; e: ClusterEvent }> = [];
  const t0 = performance.now();
  await clusterOverview(
    contexts.map((context) => getKube({ kubeconfigPath, context })),
    (e) => events.push({ at: performance.now() - t0, e: z.parse(ClusterEventSchema, e) }),
    { deadlineMs },
  );
  return events;
}

const part = <T extends ClusterEvent['type']>(events: Array<{ e: ClusterEvent }>, type: T, context: string) =>
  events.find((x) => x.e.type === type && 'context' in x.e && x.e.context === context) as
    { at: number; e: Extract<ClusterEvent, { type: T }> } | undefined;

describe('cluster overview', () => {
  it('a context that hangs costs the others nothing: they answer, it times out at its own deadline', async () => {
    const events = await run([HANGS, DEMO_CONTEXTS.kubeasz, DEMO_CONTEXTS.ack], HANG_DEADLINE_MS);
    const hung = part(events, 'api', HANGS);
    expect(hung?.e.api).toMatchObject({ ok: false, problem: 'timeout' });
    expect(hung?.at).toBeGreaterThanOrEqual(HANG_DEADLINE_MS - 50);
    for (const c of [DEMO_CONTEXTS.kubeasz, DEMO_CONTEXTS.ack]) {
      expect(part(events, 'api', c)?.e.api).toMatchObject({ ok: true });
      expect(part(events, 'api', c)?.at).toBeLessThan(hung?.at ?? 0);
    }
  });

  it('reports each healthy cluster and each broken context with its cause', async () => {
    const all = [
      DEMO_CONTEXTS.primary,
      DEMO_CONTEXTS.kubeasz,
      DEMO_CONTEXTS.ack,
      DEMO_CONTEXTS.unreachable,
      DEMO_CONTEXTS.badCredentials,
      NO_PLUGIN,
    ];
    const events = await run(all);
    expect(events[0]?.e).toMatchObject({ type: 'start', contexts: all.map((name) => ({ name })) });
    expect(events.at(-1)?.e.type).toBe('end');

    const kubeasz = part(events, 'api', DEMO_CONTEXTS.kubeasz);
    expect(kubeasz?.e.api).toEqual({ ok: true, version: DEMO_CLUSTER_VERSIONS.kubeasz });
    expect(part(events, 'nodes', DEMO_CONTEXTS.kubeasz)?.e.nodes).toEqual({
      ok: true,
      nodes: 1 + DEMO_CLUSTER_NODES.kubeasz.workers.length,
      notReady: 1,
      underPressure: 1,
    });
    expect(part(events, 'api', DEMO_CONTEXTS.ack)?.e.api).toMatchObject({
      ok: true,
      version: DEMO_CLUSTER_VERSIONS.ack,
    });

    expect(part(events, 'api', DEMO_CONTEXTS.unreachable)?.e.api).toMatchObject({
      ok: false,
      problem: 'unreachable',
      message: expect.stringContaining('connection refused') as unknown,
    });
    expect(part(events, 'api', DEMO_CONTEXTS.badCredentials)?.e.api).toMatchObject({
      ok: false,
      problem: 'auth',
      reason: 'Unauthorized',
    });
    expect(part(events, 'api', NO_PLUGIN)?.e.api).toMatchObject({
      ok: false,
      problem: 'exec-plugin',
      message: expect.stringContaining('kd-no-such-credential-plugin') as unknown,
    });
    // a failed API check is not read again for CSRs and kubelets
    expect(part(events, 'kubelets', DEMO_CONTEXTS.unreachable)?.e.kubelets).toMatchObject({
      ok: false,
      problem: 'unreachable',
    });

    const ackCsrs = part(events, 'csrs', DEMO_CONTEXTS.ack)?.e.csrs;
    expect(ackCsrs).toMatchObject({ ok: true });
    if (!ackCsrs?.ok) throw new Error('unreachable');
    expect(ackCsrs.pending).toBeGreaterThanOrEqual(ACK_FLOOD.pending);
    expect(ackCsrs.failing).toBeGreaterThanOrEqual(ACK_FLOOD.hostile);
    expect(ackCsrs.passing + ackCsrs.failing).toBe(ackCsrs.pending);

    const kubelets = part(events, 'kubelets', DEMO_CONTEXTS.kubeasz)?.e.kubelets;
    if (!kubelets?.ok) throw new Error(`kubeasz kubelets: ${JSON.stringify(kubelets)}`);
    // one NotReady node's kubelet cannot be read; the systemReserved node differs from its pool
    expect(kubelets.nodes).toBe(7);
    expect(kubelets.configzRead).toBe(6);
    expect(kubelets.variants).toBeGreaterThanOrEqual(2);
    expect(kubelets.headroom?.node).toBe(DEMO_CLUSTER_NODES.kubeasz.diskPressure);
  });

  it('counts config variants as /compare groups them (the figure links there), not distinct bodies', async () => {
    for (const context of [DEMO_CONTEXTS.kubeasz, DEMO_CONTEXTS.ack]) {
      const events = await run([context]);
      const kubelets = part(events, 'kubelets', context)?.e.kubelets;
      if (!kubelets?.ok) throw new Error(`${context} kubelets: ${JSON.stringify(kubelets)}`);
      const query = z.parse(CompareQuerySchema, { by: 'variant' });
      const compare = await getCompare(getKube({ kubeconfigPath, context }), query);
      expect(kubelets.variants).toBe(compare.variants.length);
      expect(kubelets.variants).toBeGreaterThan(0);
    }
  });

  it('reads only the contexts asked for', async () => {
    const events = await run([DEMO_CONTEXTS.ack]);
    const contexts = new Set(events.flatMap((x) => ('context' in x.e ? [x.e.context] : [])));
    expect([...contexts]).toEqual([DEMO_CONTEXTS.ack]);
  });

  it('starts kubelet sweeps once every context has listed its nodes and CSRs, or after 2 s when one hangs', async () => {
    resetFleetsForTests(); // cold caches: the sweeps really read the kubelets
    const healthy = [DEMO_CONTEXTS.primary, DEMO_CONTEXTS.kubeasz, DEMO_CONTEXTS.ack];
    const events = await run(healthy);
    const lists = events.filter((x) => x.e.type === 'nodes' || x.e.type === 'csrs');
    const sweeps = events.filter((x) => x.e.type === 'kubelets');
    expect(lists).toHaveLength(6);
    expect(sweeps).toHaveLength(3);
    // every list was emitted before the first sweep's result: no sweep competed with another context's lists
    expect(events.indexOf(sweeps[0]!)).toBeGreaterThan(Math.max(...lists.map((x) => events.indexOf(x))));

    resetFleetsForTests();
    const withHang = await run([HANGS, ...healthy], 6000);
    const hung = part(withHang, 'api', HANGS);
    for (const c of healthy) {
      const k = part(withHang, 'kubelets', c);
      expect(k?.e.kubelets).toMatchObject({ ok: true, partial: false });
      // waited for the hung context's lists no longer than the 2 s cap, and finished long before its deadline
      expect(k?.at).toBeGreaterThanOrEqual(1900);
      expect(k?.at).toBeLessThan(hung?.at ?? 0);
    }
  });
});

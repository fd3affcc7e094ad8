import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { resetFleetsForTests } from '@/lib/fleet/fleet';
import { getKube, resetKubeCacheForTests } from '@/lib/k8s/client';
import { DEMO_NODES } from '@/sim/fleet/demo-layout';
import { startSim, type SimHandle } from '@/sim/server/start';
import { FRESH_READ_FLOOR_MS, nodeConfigz, nodeSummary } from './node-detail';

/**
 * Issue 16 item 4: every node page part says when it was read, and a panel's refresh bypasses the cache for that
 * part, without letting a page hammer the kubelet (a floor, and concurrent refreshes joined).
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-fresh-'));
const kubeconfigPath = path.join(dir, 'kubeconfig');
const node = DEMO_NODES.kubeadmClean[0];
let sim: SimHandle;
const proxyGets = () => sim.stats().requestsByKind['nodes/proxy.get'] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  resetEnvForTests();
  resetKubeCacheForTests();
  resetFleetsForTests();
  sim = await startSim({ scenario: 'demo', port: 0, tickMs: 0, kubeconfigPath });
});
afterAll(async () => {
  resetFleetsForTests();
  await sim?.close();
  resetKubeCacheForTests();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('node page freshness', () => {
  it('configz: a cached read keeps its read time; a refresh reads again, once for concurrent callers', async () => {
    const kube = getKube({ kubeconfigPath, context: 'sim-viewer' });
    const first = await nodeConfigz(kube, node);
    expect(Date.parse(first.fetchedAt)).toBeLessThanOrEqual(Date.now());
    await sleep(50);
    const cached = await nodeConfigz(kube, node);
    expect(cached.fetchedAt).toBe(first.fetchedAt); // when the kubelet was read, not when we answered

    await sleep(FRESH_READ_FLOOR_MS + 100);
    sim.resetStats();
    const fresh = await Promise.all(
      Array.from({ length: 5 }, () => nodeConfigz(kube, node, undefined, { fresh: true })),
    );
    expect(proxyGets()).toBe(1);
    expect(new Set(fresh.map((r) => r.fetchedAt)).size).toBe(1);
    expect(Date.parse(fresh[0]?.fetchedAt ?? '')).toBeGreaterThan(Date.parse(first.fetchedAt));

    // clicking again at once gets the read just made: no second request
    await nodeConfigz(kube, node, undefined, { fresh: true });
    expect(proxyGets()).toBe(1);
  });

  it('summary: the same rules', async () => {
    const kube = getKube({ kubeconfigPath, context: 'sim-viewer' });
    const first = await nodeSummary(kube, node);
    expect((await nodeSummary(kube, node)).fetchedAt).toBe(first.fetchedAt);
    await sleep(FRESH_READ_FLOOR_MS + 100);
    sim.resetStats();
    const fresh = await Promise.all([1, 2, 3].map(() => nodeSummary(kube, node, { fresh: true })));
    expect(proxyGets()).toBe(1);
    expect(Date.parse(fresh[0]?.fetchedAt ?? '')).toBeGreaterThan(Date.parse(first.fetchedAt));
    expect(fresh[0]?.node.nodeName).toBe(node);
  });
});

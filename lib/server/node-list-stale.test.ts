import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { resetFleetsForTests } from '@/lib/fleet/fleet';
import { getKube, resetKubeCacheForTests } from '@/lib/k8s/client';
import { startSim, type SimHandle } from '@/sim/server/start';
import { getFleetNodeList } from './node-list';

/**
 * Issue 19 item 2: with the API server down, GET /api/nodes must not pass the cached nodes off as current. The sim's
 * outage switch (sim/server/routes/simctl.ts) answers 503 and drops the node watch, as a dying apiserver does.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-stale-'));
const kubeconfigPath = path.join(dir, 'kubeconfig');
let sim: SimHandle;

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

describe('GET /api/nodes while the API server is down', () => {
  it('answers the last rows with stale, the error and the last sync time, and recovers', async () => {
    const kube = getKube({ kubeconfigPath, context: 'sim-viewer' });
    const before = await getFleetNodeList(kube);
    expect(before.stale).toBeUndefined();
    const syncedAt = before.fetchedAt;

    sim.state.outage = true;
    for (const close of [...sim.state.openWatches]) close();
    await expect.poll(async () => (await getFleetNodeList(kube)).stale, { timeout: 10_000 }).toBe(true);
    const stale = await getFleetNodeList(kube);
    expect(stale.items.map((n) => n.name)).toEqual(before.items.map((n) => n.name));
    expect(Date.parse(stale.fetchedAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(stale.fetchedAt)).toBeGreaterThanOrEqual(Date.parse(syncedAt));
    expect(Date.parse(stale.staleSince ?? '')).toBeGreaterThanOrEqual(Date.parse(stale.fetchedAt));
    expect(stale.error).toMatchObject({ kind: 'Status', code: 503 });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await getFleetNodeList(kube)).fetchedAt).toBe(stale.fetchedAt); // it does not creep forward

    sim.state.outage = false;
    await expect.poll(async () => (await getFleetNodeList(kube)).stale, { timeout: 20_000 }).toBeUndefined();
    expect(Date.parse((await getFleetNodeList(kube)).fetchedAt)).toBeGreaterThan(Date.parse(stale.fetchedAt));
  }, 40_000);
});

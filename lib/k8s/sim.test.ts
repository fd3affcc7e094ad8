import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NodeListResponseSchema } from '@/lib/api/nodes';
import { AppError, toStatus } from '@/lib/errors';
import { DEMO_NODES } from '@/sim/fleet/demo-layout';
import { startSim, type SimHandle } from '@/sim/server/start';
import { getKube, listContexts } from './client';
import { getConfigMap } from './configmaps';
import { listCsrWire } from './csrs';
import { getKubeletConfigz, getKubeletSummary } from './kubelet';
import { getNodeMetrics } from './node-metrics';
import { resetFleetsForTests } from '@/lib/fleet/fleet';
import { getFleetNodeList } from '@/lib/server/node-list';
import { watchNodesSince, type WatchedNodeEvent } from './fleet-sources';
import { getNode, listNodes } from './nodes';
import { listPodsOnNode } from './pods';

/** lib/k8s against the simulated cluster (real HTTPS, RBAC, node proxy faults), started on port 0. */
let sim: SimHandle;
let dir: string;
const admin = () => getKube({ kubeconfigPath: sim.kubeconfigPath, context: 'sim-admin' });
const viewer = () => getKube({ kubeconfigPath: sim.kubeconfigPath, context: 'sim-viewer' });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-sim-'));
  sim = await startSim({ scenario: 'demo', port: 0, kubeconfigPath: path.join(dir, 'kubeconfig') });
});
afterAll(async () => {
  resetFleetsForTests();
  await sim?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function failure(p: Promise<unknown>) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return toStatus(err);
}

/** POST /simctl/metrics (admin token). The sim's CA is not in Node's trust store, so this goes through node:https. */
function setMetrics(enabled: boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = https.request(
      `${sim.url}/simctl/metrics?enabled=${enabled}`,
      { method: 'POST', ca: sim.caPem, headers: { authorization: `Bearer ${sim.tokens.admin}` } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`simctl answered ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('against the demo cluster', () => {
  it('lists both contexts from the kubeconfig, without credentials', () => {
    const res = listContexts({ kubeconfigPath: sim.kubeconfigPath });
    expect(res.contexts.map((c) => c.name)).toEqual(['sim-admin', 'sim-viewer']);
    expect(res.contexts[0]?.server).toBe(sim.url);
    expect(JSON.stringify(res)).not.toContain(sim.tokens.admin);
  });

  it('lists the demo cast with real statuses, usage and pod totals', async () => {
    const res = NodeListResponseSchema.parse(await getFleetNodeList(admin()));
    const byName = new Map(res.items.map((r) => [r.name, r]));
    for (const name of [
      DEMO_NODES.controlPlane,
      ...DEMO_NODES.kubeadmClean,
      DEMO_NODES.unreachable,
      DEMO_NODES.forbidden,
    ]) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(byName.get(DEMO_NODES.notReady)?.ready).not.toBe('True');
    expect(byName.get(DEMO_NODES.kubeadmClean[0])?.ready).toBe('True');
    expect(byName.get(DEMO_NODES.memoryPressure)?.pressures).toContain('MemoryPressure');
    expect(byName.get(DEMO_NODES.diskPressure)?.pressures).toContain('DiskPressure');
    expect(byName.get(DEMO_NODES.controlPlane)?.roles).toContain('control-plane');
    expect(res.metrics.available).toBe(true);
    expect(res.pods.available).toBe(true);
    const cp = byName.get(DEMO_NODES.controlPlane);
    expect(cp?.usage?.cpuMillis).toBeGreaterThan(0);
    expect(cp?.podCount).toBeGreaterThan(0);
    expect(cp?.requests?.cpuMillis).toBeGreaterThan(0);
    expect(cp?.allocatable.memoryBytes).toBeLessThanOrEqual(cp?.capacity.memoryBytes ?? 0);
  });

  it('gets one node and 404s a missing one', async () => {
    expect((await getNode(admin(), DEMO_NODES.controlPlane)).name).toBe(DEMO_NODES.controlPlane);
    expect(await failure(getNode(admin(), 'no-such-node'))).toMatchObject({ reason: 'NotFound', code: 404 });
  });

  it('reads configz and a summary from a healthy kubelet', async () => {
    const configz = await getKubeletConfigz(admin(), DEMO_NODES.kubeadmClean[0]);
    // like a real kubelet, configz carries the fields without kind/apiVersion
    expect(configz.kubeletconfig.maxPods).toBeTypeOf('number');
    expect(configz.kubeletconfig).toHaveProperty('evictionHard');
    const summary = await getKubeletSummary(admin(), DEMO_NODES.kubeadmClean[0], { onlyCpuAndMemory: true });
    expect(summary.node.memory?.workingSetBytes).toBeGreaterThan(0);
  });

  it('reuses TLS connections across reads instead of a handshake per request', async () => {
    await getKubeletConfigz(admin(), DEMO_NODES.kubeadmClean[0]); // warm: one connection exists
    sim.resetStats();
    for (let i = 0; i < 20; i++) await getKubeletConfigz(admin(), DEMO_NODES.kubeadmClean[0]);
    await Promise.all(
      Array.from({ length: 8 }, () =>
        getKubeletSummary(admin(), DEMO_NODES.kubeadmClean[1], { onlyCpuAndMemory: true }),
      ),
    );
    expect(sim.stats().total).toBe(28);
    // 20 sequential reads ride the warm connection; 8 concurrent ones need at most 8 (minus the warm one)
    expect(sim.stats().tlsConnections).toBeLessThanOrEqual(7);
  });

  it('reports the faulty kubelets with their own errors', async () => {
    expect(await failure(getKubeletConfigz(admin(), DEMO_NODES.unreachable))).toMatchObject({
      reason: 'KubeletUnreachable',
      code: 502,
    });
    const forbidden = await failure(getKubeletConfigz(admin(), DEMO_NODES.forbidden));
    expect(forbidden).toMatchObject({ reason: 'Forbidden', code: 403 });
    expect(forbidden.message).toContain('kube-apiserver-kubelet-client');
    expect(await failure(getKubeletConfigz(admin(), DEMO_NODES.malformed))).toMatchObject({
      reason: 'MalformedResponse',
      code: 502,
    });
    expect(await failure(getKubeletSummary(admin(), DEMO_NODES.malformed))).toMatchObject({
      reason: 'MalformedResponse',
      code: 502,
    });
    expect(await failure(getKubeletConfigz(admin(), DEMO_NODES.slow, { timeoutMs: 300 }))).toMatchObject({
      reason: 'Timeout',
      code: 504,
    });
  });

  it('lists pods on one node, non-terminated only, with summed requests', async () => {
    const pods = await listPodsOnNode(admin(), DEMO_NODES.controlPlane);
    expect(pods.length).toBeGreaterThan(0);
    expect(
      pods.every((p) => p.nodeName === DEMO_NODES.controlPlane && p.phase !== 'Succeeded' && p.phase !== 'Failed'),
    ).toBe(true);
  });

  it('reads node metrics, CSRs and the kubeadm kubelet-config ConfigMap', async () => {
    expect((await getNodeMetrics(admin(), DEMO_NODES.controlPlane)).memoryBytes).toBeGreaterThan(0);
    expect((await listCsrWire(admin())).items.length).toBeGreaterThan(0);
    const cm = await getConfigMap(admin(), 'kube-system', 'kubelet-config');
    expect(cm.data.kubelet).toContain('KubeletConfiguration');
  });

  it('works read-only with the sim-viewer context', async () => {
    const res = await getFleetNodeList(viewer());
    expect(res.context).toBe('sim-viewer');
    expect(res.items.length).toBeGreaterThan(10);
    expect((await getKubeletConfigz(viewer(), DEMO_NODES.kubeadmClean[0])).kubeletconfig).toBeTruthy();
  });

  it('watches nodes from a resourceVersion', async () => {
    const expected = (await listNodes(admin())).length;
    const events: WatchedNodeEvent[] = [];
    const stop = await watchNodesSince(admin(), {
      resourceVersion: '0',
      onEvent: (e) => events.push(e),
      onDone: () => undefined,
    });
    try {
      // a watch from resourceVersion "0" starts with a synthetic ADDED for every existing node
      await vi.waitFor(() => expect(events.filter((e) => e.type === 'ADDED').length).toBe(expected), {
        timeout: 10_000,
      });
      const first = events[0];
      expect(first?.type === 'ADDED' && first.item.node.nodeInfo.kubeletVersion).toMatch(/^v1\./);
    } finally {
      stop();
    }
  });

  it('returns a partial node list when metrics-server is uninstalled', async () => {
    await setMetrics(false);
    resetFleetsForTests(); // NodeMetrics read earlier in this file would be served for a refresh period
    try {
      const res = NodeListResponseSchema.parse(await getFleetNodeList(admin()));
      expect(res.metrics).toMatchObject({ available: false, reason: 'MetricsUnavailable', code: 503 });
      expect(res.pods.available).toBe(true);
      expect(res.items.length).toBeGreaterThan(10);
      expect(res.items.every((r) => r.usage === null)).toBe(true);
      expect(await failure(getNodeMetrics(admin(), DEMO_NODES.controlPlane))).toMatchObject({
        reason: 'MetricsUnavailable',
      });
    } finally {
      await setMetrics(true);
    }
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompareQuerySchema, type CompareResponse } from '@/lib/api/compare';
import { formatPath } from '@/lib/domain/config-flatten';
import { startSim, type SimHandle } from '@/sim/server/start';
import { DEMO_NODES } from '@/sim/fleet/demo-layout';
import { getKube } from '@/lib/k8s/client';
import { getCompare } from './compare';

let sim: SimHandle;
const kube = () => getKube({ kubeconfigPath: sim.kubeconfigPath });
const compare = (q: Record<string, string>) => getCompare(kube(), CompareQuerySchema.parse(q));
const differing = (r: CompareResponse) => r.rows.filter((x) => x.differs && !x.ignored).map((x) => formatPath(x.path));

beforeAll(async () => {
  sim = await startSim({
    scenario: 'demo',
    port: 0,
    kubeconfigPath: path.join(mkdtempSync(path.join(tmpdir(), 'kd-compare-')), 'kubeconfig'),
  });
});
afterAll(async () => {
  await sim?.close();
});

describe('getCompare against the demo sim', () => {
  it('two kubeadm nodes differ in exactly the key the sim set by flag (maxPods)', async () => {
    const r = await compare({ nodes: `k8s-worker-1,${DEMO_NODES.driftMaxPods}`, baseline: 'none' });
    expect(r.by).toBe('node');
    expect(r.columns.map((c) => c.label)).toEqual(['k8s-worker-1', DEMO_NODES.driftMaxPods]);
    expect(differing(r)).toEqual(['maxPods']);
  });

  it('lists every node of the fleet: variants with the drifted workers as outliers, unreadable kubelets as unknown', async () => {
    const r = await compare({ baseline: 'configmap' });
    expect(r.by).toBe('variant');
    const outliers = r.variants.filter((v) => v.outlier).flatMap((v) => v.nodes);
    for (const n of [DEMO_NODES.driftMaxPods, DEMO_NODES.driftEviction, DEMO_NODES.driftCgroupDriver]) {
      expect(outliers).toContain(n);
    }
    // the old kubelet runs the same config file as k8s-worker-1: one configuration, differing only by version
    expect(outliers).not.toContain(DEMO_NODES.oldKubelet);
    const kubeadm = r.variants.find((v) => v.nodes.includes(DEMO_NODES.oldKubelet));
    expect(kubeadm?.nodes).toContain('k8s-worker-1');
    expect(kubeadm?.versionOnlyKeys.map((p) => p.join('.'))).toContain('failCgroupV1');
    const unknown = new Map(r.unknown.map((u) => [u.node, u.reason]));
    expect(unknown.get(DEMO_NODES.unreachable)).toBeDefined();
    expect(unknown.get(DEMO_NODES.forbidden)).toBeDefined();
    expect(unknown.get(DEMO_NODES.malformed)).toBe('MalformedResponse');
    // nobody is dropped
    const seen = new Set([...r.variants.flatMap((v) => v.nodes), ...r.unknown.map((u) => u.node)]);
    expect([...seen].sort()).toEqual([...r.selection.nodes].sort());
  }, 30_000);

  it('flags the flag-set maxPods against the kubelet-config ConfigMap and names the flag', async () => {
    const r = await compare({ nodes: `k8s-worker-1,${DEMO_NODES.driftMaxPods}`, baseline: 'configmap' });
    expect(r.baseline?.label).toBe('kube-system/kubelet-config');
    const w3 = r.baseline?.results.find((x) => x.nodes.includes(DEMO_NODES.driftMaxPods));
    const maxPods = w3?.differences.find((d) => d.path[0] === 'maxPods');
    expect(maxPods).toMatchObject({ flag: '--max-pods', expected: { display: '32' }, actual: { display: '64' } });
    const w1 = r.baseline?.results.find((x) => x.nodes.includes('k8s-worker-1'));
    expect(w1?.differences.map((d) => formatPath(d.path))).not.toContain('maxPods');
  });

  it('shows an unreachable node as an unknown column with its reason', async () => {
    const r = await compare({ nodes: `k8s-worker-1,${DEMO_NODES.unreachable}` });
    const col = r.columns.find((c) => c.id === DEMO_NODES.unreachable);
    expect(col?.unknown?.reason).toBeTruthy();
    expect(col?.unknown?.message).toBeTruthy();
  });

  it('reports requested names that do not exist instead of failing', async () => {
    const r = await compare({ nodes: 'k8s-worker-1,k8s-worker-2,no-such-node' });
    expect(r.selection.missing).toEqual(['no-such-node']);
    expect(r.columns).toHaveLength(2);
  });
});

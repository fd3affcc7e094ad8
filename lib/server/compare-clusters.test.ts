import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompareQuerySchema } from '@/lib/api/compare';
import { AppError } from '@/lib/errors';
import { resetFleetsForTests } from '@/lib/fleet/fleet';
import { getKube } from '@/lib/k8s/client';
import { DEMO_CLUSTER_NODES, DEMO_CONTEXTS } from '@/sim/fleet/demo-clusters';
import type { SimClusters } from '@/sim/server/clusters';
import { startDemoClusters } from '@/sim/server/demo-clusters';
import { getClusterCompare, splitNodeRef } from './compare-clusters';

let clusters: SimClusters;
const kube = (context: string) => getKube({ kubeconfigPath: clusters.kubeconfigPath, context });
const query = (q: Record<string, string>) => CompareQuerySchema.parse(q);

beforeAll(async () => {
  clusters = await startDemoClusters({
    kubeconfigPath: path.join(mkdtempSync(path.join(tmpdir(), 'kd-compare-clusters-')), 'kubeconfig'),
  });
});
afterAll(async () => {
  resetFleetsForTests();
  await clusters?.close();
});

describe('splitNodeRef', () => {
  it('splits at the last slash (context names may have slashes, node names never do); bare = the first context', () => {
    expect(splitNodeRef('arn:aws:eks:eu-west-1:1:cluster/prod/ip-10-0-0-1.ec2.internal', 'x')).toEqual({
      context: 'arn:aws:eks:eu-west-1:1:cluster/prod',
      node: 'ip-10-0-0-1.ec2.internal',
    });
    expect(splitNodeRef('worker-1', 'first')).toEqual({ context: 'first', node: 'worker-1' });
    expect(() => splitNodeRef('/worker-1', 'first')).toThrow(AppError);
  });
});

describe('compare across clusters', () => {
  it('groups the nodes of several clusters, names the cluster in every node reference, reports a dead context', async () => {
    const kubes = [DEMO_CONTEXTS.kubeasz, DEMO_CONTEXTS.ack, DEMO_CONTEXTS.unreachable].map(kube);
    const r = await getClusterCompare(
      kubes,
      query({ clusters: 'x', by: 'variant', baseline: 'configmap', baselineContext: DEMO_CONTEXTS.kubeasz }),
    );
    expect(r.clusters).toEqual([DEMO_CONTEXTS.kubeasz, DEMO_CONTEXTS.ack, DEMO_CONTEXTS.unreachable]);
    expect(r.clusterErrors).toEqual([
      expect.objectContaining({ context: DEMO_CONTEXTS.unreachable, reason: 'ServiceUnavailable' }),
    ]);
    expect(r.selection.nodes).toHaveLength(7 + DEMO_CLUSTER_NODES.ack.length);
    const refs = [...r.variants.flatMap((v) => v.nodes), ...r.unknown.map((u) => u.node)];
    expect(refs.length).toBe(r.selection.nodes.length);
    for (const ref of refs) expect(ref).toMatch(/^(kubeasz-idc|ack-hangzhou)\//);
    // the binary install and the managed cluster never share a config: no variant mixes the two
    for (const v of r.variants) expect(new Set(v.nodes.map((n) => n.split('/')[0])).size).toBe(1);
    expect(r.unknown.map((u) => u.node)).toContain(`${DEMO_CONTEXTS.kubeasz}/${DEMO_CLUSTER_NODES.kubeasz.notReady}`);
    // kubeasz writes no kubelet-config ConfigMap: the baseline says so, naming the context
    expect(r.baseline).toMatchObject({ label: `${DEMO_CONTEXTS.kubeasz}: kube-system/kubelet-config` });
    expect(r.baseline?.unavailable?.message).toContain('No kubeadm kubelet ConfigMap');
  });

  it('takes the baseline ConfigMap from another context and nodes named <context>/<node>', async () => {
    const [w1] = DEMO_CLUSTER_NODES.kubeasz.workers;
    const [a1] = DEMO_CLUSTER_NODES.ack;
    const r = await getClusterCompare(
      [DEMO_CONTEXTS.kubeasz, DEMO_CONTEXTS.ack, DEMO_CONTEXTS.primary].map(kube),
      query({
        clusters: 'x',
        nodes: `${w1},${DEMO_CONTEXTS.ack}/${a1},${DEMO_CONTEXTS.ack}/no-such-node`,
        baselineContext: DEMO_CONTEXTS.primary,
      }),
    );
    expect(r.selection.nodes).toEqual([`${DEMO_CONTEXTS.kubeasz}/${w1}`, `${DEMO_CONTEXTS.ack}/${a1}`]);
    expect(r.selection.missing).toEqual([`${DEMO_CONTEXTS.ack}/no-such-node`]);
    expect(r.columns.map((c) => c.label)).toEqual([`${DEMO_CONTEXTS.kubeasz}/${w1}`, `${DEMO_CONTEXTS.ack}/${a1}`]);
    expect(r.baseline).toMatchObject({ label: `${DEMO_CONTEXTS.primary}: kube-system/kubelet-config` });
    expect(r.baseline?.unavailable).toBeUndefined();
    expect(r.rows.some((row) => row.differs)).toBe(true);
  });

  it('refuses a node of a context outside clusters=…, and a qualified node without clusters', async () => {
    await expect(
      getClusterCompare([kube(DEMO_CONTEXTS.kubeasz)], query({ clusters: 'x', nodes: 'elsewhere/n1' })),
    ).rejects.toMatchObject({ code: 422 });
    expect(CompareQuerySchema.safeParse({ nodes: 'ctx/n1' }).success).toBe(false);
  });
});

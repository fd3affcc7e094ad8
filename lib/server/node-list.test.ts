import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NodeListResponseSchema } from '@/lib/api/nodes';
import { AppError } from '@/lib/errors';
import { resetEnvForTests } from '@/lib/env';
import { getKube } from '@/lib/k8s/client';
import { resetFleetsForTests } from '@/lib/fleet/fleet';
import { firstScreenNodeList, getFleetNodeList } from './node-list';
import { startFakeApiserver, statusBody, type FakeApiserver, type FakeReply } from '@/lib/k8s/testing/fake-apiserver';

const wireNode = (name: string, ready = 'True') => ({
  metadata: {
    name,
    uid: name,
    creationTimestamp: '2024-01-01T00:00:00Z',
    labels: { 'node-role.kubernetes.io/worker': '' },
  },
  spec: {},
  status: {
    conditions: [
      { type: 'MemoryPressure', status: 'False' },
      { type: 'Ready', status: ready },
    ],
    addresses: [{ type: 'InternalIP', address: '10.0.0.9' }],
    capacity: { cpu: '4', memory: '8Gi', pods: '110' },
    allocatable: { cpu: '3900m', memory: '7Gi', pods: '110' },
    nodeInfo: {
      kubeletVersion: 'v1.33.2',
      osImage: 'Ubuntu 24.04',
      kernelVersion: '6.8',
      architecture: 'amd64',
      containerRuntimeVersion: 'containerd://2.0.0',
    },
  },
});
const wirePod = (name: string, node: string, cpu: string) => ({
  metadata: { name, namespace: 'default' },
  spec: { nodeName: node, containers: [{ name: 'c', resources: { requests: { cpu, memory: '64Mi' } } }] },
  status: { phase: 'Running', qosClass: 'Burstable' },
});
const list = (items: unknown[], next?: string) =>
  JSON.stringify({ kind: 'List', metadata: next ? { continue: next } : {}, items });

const handlers: Array<(p: string) => FakeReply | undefined> = [];
let fake: FakeApiserver;
const kube = () => getKube({ kubeconfigPath: fake.kubeconfigPath });

beforeAll(async () => {
  process.env.KD_LIST_PAGE_SIZE = '2';
  resetEnvForTests();
  fake = await startFakeApiserver((p) => {
    for (const h of handlers) {
      const r = h(p);
      if (r) return r;
    }
    return { status: 404, body: '404 page not found', contentType: 'text/plain' };
  });
});
afterAll(async () => {
  delete process.env.KD_LIST_PAGE_SIZE;
  resetEnvForTests();
  await fake.close();
});
// each case starts a fresh fleet: nodes, metrics and pod totals are cached per identity for a refresh period
beforeEach(() => resetFleetsForTests());
afterEach(() => {
  handlers.length = 0;
  fake.requests.length = 0;
  resetFleetsForTests();
});

// Nodes come in two pages (limit=2), pods in one.
const nodes = (p: string) =>
  p.startsWith('/api/v1/nodes?')
    ? {
        body: p.includes('continue=tok')
          ? list([wireNode('n3', 'Unknown')])
          : list([wireNode('n1'), wireNode('n2', 'False')], 'tok'),
      }
    : undefined;
// Pods: one LIST (resourceVersion 42), then a watch that stays open with nothing to say.
const pods = (p: string): FakeReply | undefined =>
  !p.startsWith('/api/v1/pods?')
    ? undefined
    : p.includes('watch=true')
      ? { holdOpen: true, body: '' }
      : {
          body: JSON.stringify({
            kind: 'PodList',
            metadata: { resourceVersion: '42' },
            items: [wirePod('a', 'n1', '250m'), wirePod('b', 'n1', '250m'), wirePod('c', 'n3', '1')],
          }),
        };
const metrics = (p: string) =>
  p === '/apis/metrics.k8s.io/v1beta1/nodes'
    ? {
        body: list([
          { metadata: { name: 'n1' }, timestamp: 't', window: '20s', usage: { cpu: '123456789n', memory: '1024Ki' } },
        ]),
      }
    : undefined;

describe('getFleetNodeList', () => {
  it('pages through nodes and joins metrics and pod totals from one pod LIST, then a pods WATCH', async () => {
    handlers.push(nodes, pods, metrics);
    const res = NodeListResponseSchema.parse(await getFleetNodeList(kube()));
    expect(res.items.map((r) => [r.name, r.ready])).toEqual([
      ['n1', 'True'],
      ['n2', 'False'],
      ['n3', 'Unknown'],
    ]);
    expect(res.items[0]).toMatchObject({
      usage: { cpuMillis: 124, memoryBytes: 1024 * 1024 },
      requests: { cpuMillis: 500 },
      podCount: 2,
      roles: ['worker'],
    });
    expect(res.items[1]).toMatchObject({ podCount: 0, usage: null });
    expect(res).toMatchObject({ metrics: { available: true }, pods: { available: true }, context: 'fake' });
    // a second request is answered from the watch-kept totals: the apiserver saw one LIST, then one WATCH
    expect((await getFleetNodeList(kube())).items[0]).toMatchObject({ podCount: 2 });
    await vi.waitFor(() =>
      expect(fake.requests.filter((r) => r.startsWith('/api/v1/pods')).map((r) => r.includes('watch=true'))).toEqual([
        false,
        true,
      ]),
    );
    expect(fake.requests.find((r) => r.startsWith('/api/v1/pods') && r.includes('watch=true'))).toContain(
      'resourceVersion=42',
    );
  });

  it('marks metrics unavailable (install metrics-server) when metrics.k8s.io is missing, nodes still return', async () => {
    handlers.push(nodes, pods);
    const res = await getFleetNodeList(kube());
    expect(res.items).toHaveLength(3);
    expect(res.metrics).toMatchObject({ available: false, reason: 'MetricsUnavailable', code: 503 });
    expect(res.metrics.available === false && res.metrics.hint).toMatch(/metrics-server/);
    expect(res.items.every((r) => r.usage === null)).toBe(true);
    expect(res.items[0]?.podCount).toBe(2);
  });

  it('marks pods unavailable with the RBAC hint when listing pods is forbidden', async () => {
    handlers.push(nodes, metrics, (p) =>
      p.startsWith('/api/v1/pods')
        ? { status: 403, body: statusBody(403, 'Forbidden', 'pods is forbidden: User "v" cannot list resource "pods"') }
        : undefined,
    );
    const res = await getFleetNodeList(kube());
    expect(res.pods).toMatchObject({ available: false, reason: 'Forbidden', code: 403 });
    expect(res.items[0]).toMatchObject({ requests: null, limits: null, podCount: null, usage: { cpuMillis: 124 } });
  });

  it('fails whole when the nodes list fails', async () => {
    handlers.push(
      (p) =>
        p.startsWith('/api/v1/nodes')
          ? { status: 403, body: statusBody(403, 'Forbidden', 'nodes is forbidden') }
          : undefined,
      pods,
      metrics,
    );
    await expect(getFleetNodeList(kube())).rejects.toBeInstanceOf(AppError);
  });

  it('reports a node list item missing required fields as MalformedResponse', async () => {
    handlers.push(
      (p) => (p.startsWith('/api/v1/nodes') ? { body: list([{ metadata: {} }]) } : undefined),
      pods,
      metrics,
    );
    await expect(getFleetNodeList(kube())).rejects.toMatchObject({ reason: 'MalformedResponse', code: 502 });
  });
});

describe('firstScreenNodeList: the server-rendered first screen never waits long for the node watch', () => {
  it('returns the list when the node watch answers within the wait', async () => {
    handlers.push(nodes, pods, metrics);
    const read = await firstScreenNodeList(kube(), 5_000);
    expect(read?.list.items.map((n) => n.name)).toEqual(['n1', 'n2', 'n3']);
  });
  it('gives up after the wait when the node LIST hangs (the browser then loads the list itself)', async () => {
    handlers.push((p) => (p.startsWith('/api/v1/nodes?') ? { holdOpen: true, body: '' } : undefined), pods, metrics);
    const t0 = Date.now();
    expect(await firstScreenNodeList(kube(), 150)).toBeUndefined();
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
  it('renders no rows, rather than failing the page, when the node LIST fails', async () => {
    handlers.push((p) =>
      p.startsWith('/api/v1/nodes?')
        ? { status: 403, body: statusBody(403, 'Forbidden', 'nodes is forbidden') }
        : undefined,
    );
    expect(await firstScreenNodeList(kube(), 5_000)).toBeUndefined();
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatQuantity } from '@/lib/domain/quantity';
import { resetEnvForTests } from '@/lib/env';
import { getKube } from '@/lib/k8s/client';
import { startFakeApiserver, statusBody, type FakeApiserver, type FakeReply } from '@/lib/k8s/testing/fake-apiserver';
import { PodInformer } from './pod-informer';

const wirePod = (name: string, node: string, cpu: string, rv = '1', phase = 'Running') => ({
  metadata: { name, namespace: 'default', resourceVersion: rv },
  spec: { nodeName: node, containers: [{ name: 'c', resources: { requests: { cpu } } }] },
  status: { phase },
});
const list = (items: unknown[], rv: string, next?: string) =>
  JSON.stringify({ kind: 'PodList', metadata: { resourceVersion: rv, ...(next ? { continue: next } : {}) }, items });
const events = (...e: Array<[string, unknown]>) =>
  e.map(([type, object]) => JSON.stringify({ type, object })).join('\n') + '\n';

let route: (p: string) => FakeReply = () => ({ status: 404 });
let fake: FakeApiserver;
const informers: PodInformer[] = [];
const informer = () => {
  const i = new PodInformer(getKube({ kubeconfigPath: fake.kubeconfigPath }));
  informers.push(i);
  return i;
};
const cpuByNode = (i: PodInformer) =>
  Object.fromEntries(
    [...(i.totals() ?? new Map())].map(([n, t]) => [
      n,
      `${t.count}×${t.requests.cpu ? formatQuantity(t.requests.cpu, 'decimal') : '-'}`,
    ]),
  );
const isWatch = (p: string) => p.startsWith('/api/v1/pods?') && p.includes('watch=true');
const isList = (p: string) => p.startsWith('/api/v1/pods?') && !p.includes('watch=true');

/** A watch from resourceVersion 100 ends in 410 Gone (the version left the apiserver's window); any other stays open. */
const goneAfter100 = (p: string): FakeReply =>
  p.includes('resourceVersion=100')
    ? {
        holdOpen: true,
        body: events(['ERROR', JSON.parse(statusBody(410, 'Expired', 'too old resource version: 100 (250)'))]),
      }
    : { holdOpen: true, body: '' };

beforeAll(async () => {
  process.env.KD_LIST_PAGE_SIZE = '2';
  resetEnvForTests();
  fake = await startFakeApiserver((p) => route(p));
});
afterAll(async () => {
  delete process.env.KD_LIST_PAGE_SIZE;
  resetEnvForTests();
  await fake.close();
});
afterEach(() => {
  for (const i of informers.splice(0)) i.stop();
  fake.requests.length = 0;
});

describe('PodInformer', () => {
  it('lists pods once (paged), then watches from the list resourceVersion and keeps totals from the events', async () => {
    route = (p) => {
      if (isWatch(p))
        return {
          holdOpen: true,
          body: events(
            ['ADDED', wirePod('d', 'n2', '500m', '101')],
            ['MODIFIED', wirePod('a', 'n1', '1', '102')],
            ['DELETED', wirePod('c', 'n3', '2', '103')],
            ['MODIFIED', wirePod('b', 'n1', '250m', '104', 'Succeeded')],
          ),
        };
      if (isList(p))
        return p.includes('continue=page2')
          ? { body: list([wirePod('c', 'n3', '2')], '100') }
          : { body: list([wirePod('a', 'n1', '250m'), wirePod('b', 'n1', '250m')], '100', 'page2') };
      return { status: 404 };
    };
    const i = informer();
    expect(i.totals()).toBeUndefined();
    await i.ready();
    await vi.waitFor(() => expect(cpuByNode(i)).toEqual({ n1: '1×1', n2: '1×500m' }), { timeout: 5000 });
    // two pages of one LIST, then one WATCH from its resourceVersion; reading totals again asks the apiserver nothing
    for (let n = 0; n < 5; n++) i.totals();
    expect(fake.requests.map((r) => (isWatch(r) ? 'WATCH' : isList(r) ? 'LIST' : r))).toEqual([
      'LIST',
      'LIST',
      'WATCH',
    ]);
    expect(fake.requests[0]).toContain('limit=2');
    expect(fake.requests[1]).toContain('continue=page2');
    expect(fake.requests[2]).toContain('resourceVersion=100');
    expect(fake.requests[2]).toContain('allowWatchBookmarks=true');
  });

  it('relists when the watch answers 410 Gone, and watches again from the new list', async () => {
    let lists = 0;
    route = (p) => {
      if (isWatch(p)) return goneAfter100(p);
      if (isList(p)) {
        lists++;
        return lists === 1
          ? { body: list([wirePod('a', 'n1', '1')], '100') }
          : { body: list([wirePod('a', 'n1', '1'), wirePod('e', 'n4', '3')], '250') };
      }
      return { status: 404 };
    };
    const i = informer();
    await i.ready();
    await vi.waitFor(() => expect(cpuByNode(i)).toEqual({ n1: '1×1', n4: '1×3' }), { timeout: 5000 });
    await vi.waitFor(() => expect(fake.requests.filter(isWatch).at(-1)).toContain('resourceVersion=250'));
    expect(fake.requests.map((r) => (isWatch(r) ? 'WATCH' : 'LIST'))).toEqual(['LIST', 'WATCH', 'LIST', 'WATCH']);
  });

  it('swaps in a relist only once its last page arrived: a relist failing midway keeps the totals it had', async () => {
    let lists = 0;
    const isNextPage = (p: string) => p.includes('continue=');
    route = (p) => {
      if (isWatch(p)) return goneAfter100(p);
      if (!isList(p)) return { status: 404 };
      if (!isNextPage(p)) lists++;
      if (lists === 1) return { body: list([wirePod('a', 'n1', '1'), wirePod('b', 'n2', '2')], '100') };
      if (!isNextPage(p)) return { body: list([wirePod('e', 'n4', '3'), wirePod('f', 'n4', '1')], '250', 'page-2') };
      return lists === 2
        ? { status: 500, body: statusBody(500, 'InternalError', 'etcdserver: request timed out') }
        : { body: list([wirePod('g', 'n5', '1')], '250') };
    };
    const i = informer();
    await i.ready();
    expect(cpuByNode(i)).toEqual({ n1: '1×1', n2: '1×2' });
    // the relist after the 410 fails on its second page: the first page's pods must not have replaced anything
    await vi.waitFor(() => expect(fake.requests.filter(isNextPage)).toHaveLength(1), { timeout: 5000 });
    expect(cpuByNode(i)).toEqual({ n1: '1×1', n2: '1×2' });
    // the next relist completes: exactly its pods count, those gone from it (a, b) no longer do
    await vi.waitFor(() => expect(cpuByNode(i)).toEqual({ n4: '2×4', n5: '1×1' }), { timeout: 5000 });
  });

  it('a forbidden first list rejects ready() with the Status, and a later read retries', async () => {
    let allowed = false;
    route = (p) => {
      if (isWatch(p)) return { holdOpen: true, body: '' };
      if (isList(p))
        return allowed
          ? { body: list([wirePod('a', 'n1', '1')], '7') }
          : {
              status: 403,
              body: statusBody(403, 'Forbidden', 'pods is forbidden: User "v" cannot list resource "pods"'),
            };
      return { status: 404 };
    };
    const i = informer();
    await expect(i.ready()).rejects.toMatchObject({ reason: 'Forbidden', code: 403 });
    expect(i.totals()).toBeUndefined();
    allowed = true;
    await i.ready();
    expect(cpuByNode(i)).toEqual({ n1: '1×1' });
  });
});

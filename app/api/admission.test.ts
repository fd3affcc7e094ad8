/**
 * Bounded admission (issue 19, item 3): past KD_MAX_BULK_RESPONSES (node lists) or KD_MAX_CONCURRENT_REQUESTS
 * (the rest) the API answers 503 with Retry-After at
 * once instead of queueing, streams past KD_MAX_STREAMS likewise, and the liveness probe answers meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeNodeList } from '@/lib/api/nodes-wire';
import { StatusSchema } from '@/lib/errors';
import { resetEnvForTests } from '@/lib/env';
import { resetFleetsForTests } from '@/lib/fleet/fleet';
import { resetKubeCacheForTests } from '@/lib/k8s/client';
import { resetGatesForTests } from '@/lib/server/admission';
import { startFakeApiserver, type FakeApiserver } from '@/lib/k8s/testing/fake-apiserver';

vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined }) }));

const { GET: getNodes } = await import('./nodes/route');
const { GET: getStream } = await import('./fleet/stream/route');
const { GET: healthz } = await import('../healthz/route');
const { GET: getContexts } = await import('./contexts/route');

const node = (name: string) => ({
  metadata: { name, uid: name, creationTimestamp: '2024-01-01T00:00:00Z' },
  status: {
    conditions: [{ type: 'Ready', status: 'True' }],
    capacity: { cpu: '2', memory: '4Gi', pods: '110' },
    allocatable: { cpu: '2', memory: '4Gi', pods: '110' },
    nodeInfo: {
      kubeletVersion: 'v1.33.2',
      osImage: 'x',
      kernelVersion: 'y',
      architecture: 'arm64',
      containerRuntimeVersion: 'containerd://2',
    },
  },
});

const VARS = { KD_MAX_CONCURRENT_REQUESTS: '1', KD_MAX_BULK_RESPONSES: '2', KD_MAX_STREAMS: '1' };
let fake: FakeApiserver;
beforeAll(async () => {
  // The node LIST takes 1.5 s: requests for the node list are held in flight that long.
  fake = await startFakeApiserver((p) => {
    if (p.startsWith('/api/v1/nodes?') && !p.includes('watch=true'))
      return { delayMs: 1500, body: JSON.stringify({ metadata: { resourceVersion: '5' }, items: [node('n1')] }) };
    if (p.includes('watch=true')) return { holdOpen: true, body: '' };
    if (p.startsWith('/api/v1/pods?'))
      return { body: JSON.stringify({ metadata: { resourceVersion: '5' }, items: [] }) };
    return { status: 404, body: '404 page not found', contentType: 'text/plain' };
  });
  Object.assign(process.env, VARS, { KUBECONFIG: fake.kubeconfigPath });
  resetEnvForTests();
  resetKubeCacheForTests();
  resetGatesForTests();
  resetFleetsForTests();
});
afterAll(async () => {
  for (const k of ['KUBECONFIG', ...Object.keys(VARS)]) delete process.env[k];
  resetEnvForTests();
  resetKubeCacheForTests();
  resetGatesForTests();
  resetFleetsForTests();
  await fake.close();
});

const nodesRequest = () => new Request('http://127.0.0.1/api/nodes');

describe('admission', () => {
  it('answers 503 with Retry-After past the bound, at once, while the liveness probe still answers', async () => {
    const held = [getNodes(nodesRequest()), getNodes(nodesRequest())];
    let heldDone = false;
    void Promise.all(held).then(() => (heldDone = true));
    const shed = await getNodes(nodesRequest());
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('2');
    expect(StatusSchema.parse(await shed.json())).toMatchObject({ reason: 'ServiceUnavailable', code: 503 });
    const probe = await healthz();
    expect(probe.status).toBe(200);
    // node lists fill only their own (bulk) gate: another API request is still admitted
    expect((await getContexts()).status).toBe(200);
    // neither waited behind the two in flight (they wait 1.5 s for the apiserver)
    expect(heldDone).toBe(false);
    const answers = await Promise.all(held);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    // a place is held until the answer's body has been sent (read here), not only until the handler returned
    expect((await getNodes(nodesRequest())).status).toBe(503);
    const bodies = await Promise.all(answers.map(async (r) => decodeNodeList(await r.json())));
    expect(bodies.map((b) => b.items.map((i) => i.name))).toEqual([['n1'], ['n1']]);
    const again = await getNodes(nodesRequest());
    expect(again.status).toBe(200);
    await again.body?.cancel();
    // a cancelled body (the viewer left) frees its place too: both places are free again
    const both = await Promise.all([getNodes(nodesRequest()), getNodes(nodesRequest())]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    await Promise.all(both.map((r) => r.body?.cancel()));
  });

  it('bounds event streams too, and frees a place when a viewer leaves', async () => {
    const first = new AbortController();
    const open = (signal: AbortSignal) =>
      getStream(new Request('http://127.0.0.1/api/fleet/stream?kind=stats', { signal }));
    const a = await open(first.signal);
    expect(a.status).toBe(200);
    const refused = await open(new AbortController().signal);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('10');
    first.abort();
    await a.body?.cancel().catch(() => undefined);
    const second = new AbortController();
    const b = await open(second.signal);
    expect(b.status).toBe(200);
    second.abort();
    await b.body?.cancel().catch(() => undefined);
  });
});

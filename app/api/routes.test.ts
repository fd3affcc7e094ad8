import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContextsResponseSchema } from '@/lib/api/contexts';
import { NodeHistorySchema } from '@/lib/api/node-history';
import { NodeListResponseSchema } from '@/lib/api/nodes';
import { decodeNodeList } from '@/lib/api/nodes-wire';
import { StatusSchema } from '@/lib/errors';
import { resetEnvForTests } from '@/lib/env';
import { resetKubeCacheForTests } from '@/lib/k8s/client';
import { csrf } from '@/lib/security/csrf';
import { startFakeApiserver, type FakeApiserver } from '@/lib/k8s/testing/fake-apiserver';

// Route handlers read the context cookie through next/headers, which needs Next's request scope.
const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  }),
}));

const { GET: getNodes } = await import('./nodes/route');
const { GET: getConfigz } = await import('./nodes/[name]/configz/route');
const { GET: getContexts } = await import('./contexts/route');
const { GET: getSummary } = await import('./nodes/[name]/summary/route');
const { GET: getHistory } = await import('./nodes/[name]/history/route');
const { POST: selectContext } = await import('./contexts/current/route');

const node = {
  metadata: { name: 'n1', uid: 'u', creationTimestamp: '2024-01-01T00:00:00Z' },
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
};

let fake: FakeApiserver;
beforeAll(async () => {
  fake = await startFakeApiserver((p) => {
    if (p.startsWith('/api/v1/nodes?')) return { body: JSON.stringify({ metadata: {}, items: [node] }) };
    if (p.startsWith('/api/v1/pods?')) return { body: JSON.stringify({ metadata: {}, items: [] }) };
    if (p === '/api/v1/nodes/n1/proxy/configz') return { body: JSON.stringify({ kubeletconfig: { maxPods: 110 } }) };
    if (p === '/api/v1/nodes/n1/proxy/stats/summary')
      return {
        body: JSON.stringify({
          node: { nodeName: 'n1', memory: { availableBytes: 1_000_000_000, workingSetBytes: 3_000_000_000 } },
          pods: [],
        }),
      };
    return { status: 404, body: '404 page not found', contentType: 'text/plain' };
  });
  process.env.KUBECONFIG = fake.kubeconfigPath;
  resetEnvForTests();
  resetKubeCacheForTests();
});
afterAll(async () => {
  delete process.env.KUBECONFIG;
  resetEnvForTests();
  resetKubeCacheForTests();
  await fake.close();
});
beforeEach(() => {
  jar.clear();
  fake.requests.length = 0;
});

const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

describe('GET /api/nodes', () => {
  it('answers a NodeListResponse, metrics marked unavailable when metrics.k8s.io is missing', async () => {
    const res = await getNodes(new Request('http://localhost/api/nodes'));
    expect(res.status).toBe(200);
    const body = NodeListResponseSchema.parse(decodeNodeList(await res.json()));
    expect(body.items.map((i) => i.name)).toEqual(['n1']);
    expect(body.metrics).toMatchObject({ available: false, reason: 'MetricsUnavailable' });
    expect(body.context).toBe('fake');
  });
  it('uses the context named by a valid kd-context cookie, and ignores an unknown one', async () => {
    jar.set('kd-context', 'fake-other');
    expect((await (await getNodes(new Request('http://localhost/api/nodes'))).json()).context).toBe('fake-other');
    jar.set('kd-context', 'forged');
    expect((await (await getNodes(new Request('http://localhost/api/nodes'))).json()).context).toBe('fake');
  });
});

describe('GET /api/nodes/[name]/configz', () => {
  it('returns the kubelet configz', async () => {
    const res = await getConfigz(new Request('http://localhost/api/nodes/n1/configz'), params({ name: 'n1' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ kubeletconfig: { maxPods: 110 }, fetchedAt: expect.any(String) });
  });
  it('refuses a fresh= value other than 1 (no cache-busting free-for-all)', async () => {
    const res = await getConfigz(
      new Request('http://localhost/api/nodes/n1/configz?fresh=yes'),
      params({ name: 'n1' }),
    );
    expect(res.status).toBe(422);
  });
  it.each(['../../api/v1/secrets', 'a%2Fb', '%2e%2e', 'A'])(
    'answers 422 for %s without calling the cluster',
    async (name) => {
      const res = await getConfigz(new Request('http://localhost/x'), params({ name }));
      expect(res.status).toBe(422);
      expect(StatusSchema.parse(await res.json()).reason).toBe('Invalid');
      expect(fake.requests).toEqual([]);
    },
  );
});

describe('GET /api/nodes/[name]/history', () => {
  it("keeps what the identity's reads saw, and nothing for another context's identity", async () => {
    const before = NodeHistorySchema.parse(
      await (await getHistory(new Request('http://localhost/x'), params({ name: 'n1' }))).json(),
    );
    expect(before.samples).toEqual([]);
    expect(before.windowMs).toBe(60 * 60_000);
    // the defaults (15 s refresh): the last 15 min as read, older samples one per minute
    expect(before.fullResolutionMs).toBe(15 * 60_000);
    expect(
      (await getSummary(new Request('http://localhost/api/nodes/n1/summary'), params({ name: 'n1' }))).status,
    ).toBe(200);
    const after = NodeHistorySchema.parse(
      await (await getHistory(new Request('http://localhost/x'), params({ name: 'n1' }))).json(),
    );
    expect(after.samples).toHaveLength(1);
    expect(after.samples[0]?.available).toEqual({ 'memory.available': 1_000_000_000 });
    expect(after.capacity).toEqual({ 'memory.available': 4_000_000_000 });
    // the history endpoint itself asks no kubelet
    fake.requests.length = 0;
    await getHistory(new Request('http://localhost/x'), params({ name: 'n1' }));
    expect(fake.requests).toEqual([]);
    jar.set('kd-context', 'fake-other');
    const other = NodeHistorySchema.parse(
      await (await getHistory(new Request('http://localhost/x'), params({ name: 'n1' }))).json(),
    );
    expect(other.samples).toEqual([]);
  });
  it.each(['../../api/v1/secrets', 'a%2Fb'])('answers 422 for %s', async (name) => {
    const res = await getHistory(new Request('http://localhost/x'), params({ name }));
    expect(res.status).toBe(422);
    expect(StatusSchema.parse(await res.json()).reason).toBe('Invalid');
  });
});

describe('contexts', () => {
  // A valid CSRF pair, as GET /api/csrf hands it out (cookie + echoed header).
  const { token } = csrf.issue(false);
  const withCsrf = { 'x-csrf-token': token, cookie: `kd_csrf=${token}`, 'content-type': 'application/json' };
  const post = (body: string, headers: Record<string, string>) =>
    selectContext(
      new Request('http://localhost:3000/api/contexts/current', {
        method: 'POST',
        body,
        headers: { host: 'localhost:3000', ...headers },
      }),
    );

  it('lists contexts with current following the cookie', async () => {
    jar.set('kd-context', 'fake-other');
    const body = ContextsResponseSchema.parse(await (await getContexts()).json());
    expect(body.current).toBe('fake-other');
    expect(body.contexts.map((c) => c.name)).toEqual(['fake', 'fake-other']);
  });
  it('sets an HttpOnly SameSite=Strict cookie for a same-origin request', async () => {
    const res = await post(JSON.stringify({ name: 'fake-other' }), { origin: 'http://localhost:3000', ...withCsrf });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kd-context=fake-other;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect((await res.json()).current).toBe('fake-other');
  });
  it('refuses a cross-origin request, one without Origin, or one without the CSRF token with 403', async () => {
    expect((await post(JSON.stringify({ name: 'fake' }), { origin: 'https://evil.example', ...withCsrf })).status).toBe(
      403,
    );
    expect((await post(JSON.stringify({ name: 'fake' }), withCsrf)).status).toBe(403);
    const noToken = await post(JSON.stringify({ name: 'fake' }), {
      origin: 'http://localhost:3000',
      'content-type': 'application/json',
    });
    expect(noToken.status).toBe(403);
    expect(noToken.headers.get('set-cookie')).toBeNull();
  });
  it('answers 422 for an unknown or invalid context and 400 for a body that is not JSON', async () => {
    const origin = { origin: 'http://localhost:3000', ...withCsrf };
    const unknown = await post(JSON.stringify({ name: 'nope' }), origin);
    expect(unknown.status).toBe(422);
    expect(unknown.headers.get('set-cookie')).toBeNull();
    expect((await post(JSON.stringify({ name: 'a;b' }), origin)).status).toBe(422);
    expect((await post('{', origin)).status).toBe(400);
  });
});

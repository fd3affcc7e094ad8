import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PostureReportSchema } from '@/lib/api/posture';
import { StatusSchema } from '@/lib/errors';
import { resetEnvForTests } from '@/lib/env';
import { resetFleetsForTests } from '@/lib/fleet/fleet';
import { resetKubeCacheForTests } from '@/lib/k8s/client';
import { startFakeApiserver, type FakeApiserver } from '@/lib/k8s/testing/fake-apiserver';

// Route handlers read the context cookie through next/headers, which needs Next's request scope.
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined }) }));

const { GET } = await import('./route');

const node = (name: string) => ({
  metadata: { name, uid: name, creationTimestamp: '2024-01-01T00:00:00Z', labels: { pool: name } },
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

let fake: FakeApiserver;
beforeAll(async () => {
  fake = await startFakeApiserver((p) => {
    if (p.startsWith('/api/v1/nodes?'))
      return { body: JSON.stringify({ metadata: {}, items: [node('n1'), node('n2')] }) };
    // n1: a legacy kubelet (read-only port, anonymous auth); n2 answers something that is not JSON
    if (p === '/api/v1/nodes/n1/proxy/configz')
      return {
        body: JSON.stringify({
          kubeletconfig: { readOnlyPort: 10255, authentication: { anonymous: { enabled: true } } },
        }),
      };
    if (p === '/api/v1/nodes/n2/proxy/configz') return { body: '<html>oops', contentType: 'text/html' };
    return { status: 404, body: '404 page not found', contentType: 'text/plain' };
  });
  process.env.KUBECONFIG = fake.kubeconfigPath;
  resetEnvForTests();
  resetKubeCacheForTests();
  resetFleetsForTests();
});
afterAll(async () => {
  resetFleetsForTests();
  delete process.env.KUBECONFIG;
  resetEnvForTests();
  resetKubeCacheForTests();
  await fake.close();
});

const get = (qs: string) => GET(new Request(`http://localhost/api/posture?${qs}`));

describe('GET /api/posture', () => {
  it('judges readable kubelets and names the unreadable ones with the reason', async () => {
    const res = await get('view=full');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const r = PostureReportSchema.parse(await res.json());
    expect(r.totals).toMatchObject({ nodes: 2, evaluated: 1, unreadable: 1 });
    expect(r.unreadable.n2).toMatch(/^MalformedResponse: /);
    const port = r.checks.find((c) => c.id === '4.2.4');
    expect(port?.nodes).toEqual({ n1: 'fail' });
    expect(port?.values).toEqual({ n1: '10255' });
  });

  it('downloads CSV and SARIF with a safe file name', async () => {
    const csv = await get('format=csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="kubelet-posture-[\w.-]+\.csv"$/);
    const sarif = await get('format=sarif&selector=pool%3Dn1');
    expect(sarif.headers.get('content-type')).toBe('application/sarif+json');
    expect(((await sarif.json()) as { version: string }).version).toBe('2.1.0');
  });

  it.each([
    ['an id that is not a check id', 'view=check&check=..%2F..%2Fetc', 422],
    ['an unknown check', 'view=check&check=4.2.99', 404],
    ['a format it does not make', 'format=exe', 422],
    ['characters no label selector has', 'selector=a%3Bcurl%20x', 422],
    ['a malformed selector', 'selector=a%20in%20(b', 422],
    ['an unknown view', 'view=everything', 422],
  ])('refuses %s with a Status', async (_what, qs, code) => {
    const res = await get(qs);
    expect(res.status).toBe(code);
    const status = StatusSchema.parse(await res.json());
    expect(status.code).toBe(code);
  });

  it('says what is wrong with a malformed selector', async () => {
    const status = StatusSchema.parse(await (await get('selector=a%20in%20(b')).json());
    expect(status.message).toMatch(/label selector: unbalanced "\("/);
  });
});

/** The sim's HTTP API as a client sees it: Status bodies, concurrency, paging, watch, proxy faults. */
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NODES } from '../fleet/demo-layout';
import { startSim, type SimHandle } from './start';
import { call, csrManifest } from './testing/client';

let sim: SimHandle;
const admin = () => ({ token: sim.tokens.admin });
const viewer = () => ({ token: sim.tokens.viewer });
const CSRS = '/apis/certificates.k8s.io/v1/certificatesigningrequests';

beforeAll(async () => {
  sim = await startSim({ scenario: 'demo', port: 0, tickMs: 0 });
});
afterAll(() => sim?.close());

describe('authentication and authorization', () => {
  it('answers a missing or wrong token with the apiserver 401 Status', async () => {
    for (const token of [null, 'wrong']) {
      const r = await call(sim, 'GET', '/api/v1/nodes', { token });
      expect(r.status).toBe(401);
      expect(r.text).toBe(
        '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}',
      );
    }
    expect((await call(sim, 'GET', '/healthz')).text).toBe('ok');
  });

  it('forbids the viewer from approving with the real wording and details', async () => {
    await call(sim, 'POST', CSRS, { ...admin(), body: await csrManifest('authz-1') });
    const r = await call(sim, 'PUT', `${CSRS}/authz-1/approval`, { ...viewer(), body: await csrManifest('authz-1') });
    expect(r.status).toBe(403);
    expect(r.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      reason: 'Forbidden',
      code: 403,
      message:
        'certificatesigningrequests.certificates.k8s.io "authz-1" is forbidden: User "sim-viewer" cannot update resource "certificatesigningrequests/approval" in API group "certificates.k8s.io" at the cluster scope',
      details: { name: 'authz-1', group: 'certificates.k8s.io', kind: 'certificatesigningrequests' },
    });
  });

  it('keeps simctl for the admin', async () => {
    expect((await call(sim, 'GET', '/simctl/stats', viewer())).status).toBe(403);
    expect((await call(sim, 'GET', '/simctl/stats', admin())).json()).toHaveProperty('requestsByKind');
  });
});

describe('certificate signing requests', () => {
  const approval = (csr: Record<string, unknown>, types: string[]) => ({
    ...csr,
    status: { conditions: types.map((type) => ({ type, status: 'True', reason: 'Test', message: 'test' })) },
  });

  it('rejects a stale resourceVersion with 409 Conflict', async () => {
    const created = (await call(sim, 'POST', CSRS, { ...admin(), body: await csrManifest('conflict-1') })).json<{
      metadata: { resourceVersion: string };
    }>();
    const stale = {
      ...(await csrManifest('conflict-1')),
      metadata: { name: 'conflict-1', resourceVersion: created.metadata.resourceVersion, labels: { a: '1' } },
    };
    expect((await call(sim, 'PUT', `${CSRS}/conflict-1`, { ...admin(), body: stale })).status).toBe(200);
    const r = await call(sim, 'PUT', `${CSRS}/conflict-1`, { ...admin(), body: stale });
    expect(r.status).toBe(409);
    expect(r.json().message).toBe(
      'Operation cannot be fulfilled on certificatesigningrequests.certificates.k8s.io "conflict-1": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('issues a certificate shortly after approval and refuses Approved+Denied or removing a condition', async () => {
    const csr = await csrManifest('sign-1');
    await call(sim, 'POST', CSRS, { ...admin(), body: csr });
    expect(
      (await call(sim, 'PUT', `${CSRS}/sign-1/approval`, { ...admin(), body: approval(csr, ['Approved']) })).status,
    ).toBe(200);
    let issued = '';
    for (let i = 0; i < 50 && !issued; i++) {
      await new Promise((r) => setTimeout(r, 100));
      issued =
        (await call(sim, 'GET', `${CSRS}/sign-1`, admin())).json<{ status: { certificate?: string } }>().status
          .certificate ?? '';
    }
    expect(Buffer.from(issued, 'base64').toString()).toContain('-----BEGIN CERTIFICATE-----');

    const both = await call(sim, 'PUT', `${CSRS}/sign-1/approval`, {
      ...admin(),
      body: approval(csr, ['Approved', 'Denied']),
    });
    expect(both.status).toBe(422);
    expect(both.json().message).toContain('Approved and Denied conditions are mutually exclusive');
    const removed = await call(sim, 'PUT', `${CSRS}/sign-1/approval`, { ...admin(), body: approval(csr, []) });
    expect(removed.status).toBe(422);
    expect(removed.json().message).toContain('updates may not remove a condition of type "Approved"');
  });

  it('validates bodies: 422 for an invalid CSR, 400 for bad JSON, 413 when too large', async () => {
    const bad = await csrManifest('bad-1');
    const invalid = await call(sim, 'POST', CSRS, {
      ...admin(),
      body: {
        ...bad,
        spec: { request: Buffer.from('nope').toString('base64'), signerName: 'kubernetes.io/kubelet-serving' },
      },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json()).toMatchObject({
      reason: 'Invalid',
      details: { name: 'bad-1', kind: 'CertificateSigningRequest' },
    });
    expect(invalid.json().message).toContain('spec.usages: Required value');
    expect((await call(sim, 'POST', CSRS, { ...admin(), rawBody: '{"kind":' })).status).toBe(400);
    expect((await call(sim, 'POST', CSRS, { ...admin(), rawBody: `"${'x'.repeat(4 * 1024 * 1024)}"` })).status).toBe(
      413,
    );
  });

  it('rejects unknown fields under fieldValidation=Strict, as kubectl create asks', async () => {
    const body = await csrManifest('strict-1');
    const r = await call(sim, 'POST', `${CSRS}?fieldValidation=Strict`, {
      ...admin(),
      body: { ...body, spec: { ...(body.spec as object), bogus: 1 } },
    });
    expect(r.status).toBe(400);
    expect(r.json().message).toBe('strict decoding error: unknown field "spec.bogus"');
  });

  it('names a CSR from generateName and records the requesting user', async () => {
    const body = await csrManifest('ignored');
    const r = await call(sim, 'POST', CSRS, { ...admin(), body: { ...body, metadata: { generateName: 'csr-' } } });
    expect(r.status).toBe(201);
    const created = r.json<{ metadata: { name: string }; spec: { username: string } }>();
    expect(created.metadata.name).toMatch(/^csr-[a-z0-9]{5}$/);
    expect(created.spec.username).toBe('sim-admin');
  });
});

describe('lists, tables and watches', () => {
  it('pages nodes with opaque continue tokens without losing or repeating any', async () => {
    const names: string[] = [];
    let cont = '';
    do {
      const page = (
        await call(sim, 'GET', `/api/v1/nodes?limit=5${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`, admin())
      ).json<{
        metadata: { continue?: string };
        items: Array<{ metadata: { name: string } }>;
      }>();
      names.push(...page.items.map((n) => n.metadata.name));
      cont = page.metadata.continue ?? '';
    } while (cont);
    expect(names).toEqual(sim.fleet.nodes.map((n) => n.name).sort());
  });

  it('selects pods by node through the index and by label', async () => {
    const node = DEMO_NODES.kubeadmClean[0];
    const pods = (await call(sim, 'GET', `/api/v1/pods?fieldSelector=spec.nodeName%3D${node}`, admin())).json<{
      items: Array<{ spec: { nodeName: string } }>;
    }>();
    expect(pods.items.length).toBe(
      sim.fleet.pods.filter((p) => (p.spec as { nodeName?: string }).nodeName === node).length,
    );
    expect(pods.items.every((p) => p.spec.nodeName === node)).toBe(true);
    const cp = (
      await call(sim, 'GET', '/api/v1/nodes?labelSelector=node-role.kubernetes.io%2Fcontrol-plane', admin())
    ).json<{ items: unknown[] }>();
    expect(cp.items).toHaveLength(1);
  });

  it('serves Table output when asked', async () => {
    const r = await call(sim, 'GET', '/api/v1/nodes', {
      ...admin(),
      headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
    });
    const table = r.json<{ kind: string; rows: Array<{ cells: string[] }> }>();
    expect(table.kind).toBe('Table');
    expect(table.rows.find((row) => row.cells[0] === DEMO_NODES.notReady)?.cells[1]).toBe('NotReady');
  });

  it('sends an ERROR event with 410 Expired to a watch from a compacted resourceVersion', async () => {
    const list = (await call(sim, 'GET', '/api/v1/nodes?limit=1', admin())).json<{
      metadata: { resourceVersion: string };
    }>();
    sim.state.nodes.store.compact();
    await sim.tick(new Date(Date.now() + 3600_000));
    sim.state.nodes.store.compact();
    const r = await call(
      sim,
      'GET',
      `/api/v1/nodes?watch=true&resourceVersion=${list.metadata.resourceVersion}`,
      admin(),
    );
    const event = JSON.parse(r.text.trim().split('\n')[0] ?? '{}') as {
      type: string;
      object: { code: number; reason: string };
    };
    expect(event.type).toBe('ERROR');
    expect(event.object).toMatchObject({ code: 410, reason: 'Expired' });
  });
});

describe('node proxy', () => {
  const proxy = (node: string, path: string) => call(sim, 'GET', `/api/v1/nodes/${node}/proxy/${path}`, admin());

  it('reproduces each kubelet fault', async () => {
    const unreachable = await proxy(DEMO_NODES.unreachable, 'configz');
    expect(unreachable.status).toBe(503);
    expect(unreachable.json()).toMatchObject({
      reason: 'ServiceUnavailable',
      message: expect.stringMatching(
        /^error trying to reach service: dial tcp [\d.]+:10250: connect: no route to host$/,
      ),
    });
    const forbidden = await proxy(DEMO_NODES.forbidden, 'configz');
    expect(forbidden.status).toBe(403);
    expect(forbidden.text).toBe(
      'Forbidden (user=kube-apiserver-kubelet-client, verb=get, resource=nodes, subresource=proxy)',
    );
    const malformed = await proxy(DEMO_NODES.malformed, 'stats/summary');
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow();
  });

  it('404s unknown nodes and unknown kubelet paths', async () => {
    const missing = await proxy('nope', 'configz');
    expect(missing.status).toBe(404);
    expect(missing.json().message).toBe('nodes "nope" not found');
    expect((await proxy(DEMO_NODES.kubeadmClean[0], 'foo')).status).toBe(404);
  });

  it('counts a hung kubelet as in flight until the client gives up', async () => {
    const hungNode = sim.fleet.nodes.find((n) => n.name === DEMO_NODES.kubeadmClean[1]);
    if (!hungNode) throw new Error('demo node missing');
    const saved = hungNode.fault;
    hungNode.fault = { kind: 'hung' };
    sim.resetStats();
    try {
      await new Promise<void>((resolve) => {
        const req = request(new URL(`/api/v1/nodes/${hungNode.name}/proxy/configz`, sim.url), {
          ca: sim.caPem,
          headers: { authorization: `Bearer ${sim.tokens.admin}` },
        });
        req.on('error', () => resolve());
        req.end();
        setTimeout(() => {
          expect(sim.stats().inFlightProxy).toBe(1);
          req.destroy();
        }, 300);
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(sim.stats()).toMatchObject({ inFlightProxy: 0, maxInFlightProxy: 1 });
    } finally {
      hungNode.fault = saved;
    }
  });
});

describe('metrics-server toggle', () => {
  it('removes metrics.k8s.io from discovery and 404s its paths like a missing APIService', async () => {
    await call(sim, 'POST', '/simctl/metrics?enabled=false', admin());
    try {
      const groups = (await call(sim, 'GET', '/apis', admin())).json<{ groups: Array<{ name: string }> }>();
      expect(groups.groups.map((g) => g.name)).not.toContain('metrics.k8s.io');
      const r = await call(sim, 'GET', '/apis/metrics.k8s.io/v1beta1/nodes', admin());
      expect(r.status).toBe(404);
      expect(r.json()).toMatchObject({
        reason: 'NotFound',
        message: 'the server could not find the requested resource',
      });
    } finally {
      await call(sim, 'POST', '/simctl/metrics?enabled=true', admin());
    }
    expect((await call(sim, 'GET', '/apis/metrics.k8s.io/v1beta1/nodes', admin())).status).toBe(200);
  });
});

describe('API-server outage toggle', () => {
  it('answers 503 ServiceUnavailable to everything but simctl and drops open watches, until turned off', async () => {
    const list = (await call(sim, 'GET', '/api/v1/nodes?limit=1', admin())).json<{
      metadata: { resourceVersion: string };
    }>();
    const watching = call(
      sim,
      'GET',
      `/api/v1/nodes?watch=true&resourceVersion=${list.metadata.resourceVersion}`,
      admin(),
    );
    await expect.poll(() => sim.state.openWatches.size).toBeGreaterThan(0);
    expect((await call(sim, 'POST', '/simctl/outage?enabled=true', admin())).json()).toEqual({ outage: true });
    try {
      expect((await watching).status).toBe(200); // the stream ended: the client sees its watch close
      expect(sim.state.openWatches.size).toBe(0);
      for (const path of ['/api/v1/nodes', CSRS, '/api/v1/nodes/x/proxy/configz']) {
        const r = await call(sim, 'GET', path, admin());
        expect(r.status).toBe(503);
        expect(r.json()).toMatchObject({
          reason: 'ServiceUnavailable',
          message: 'the server is currently unable to handle the request',
        });
      }
      expect((await call(sim, 'GET', '/simctl/outage', admin())).json()).toEqual({ outage: true });
      expect((await call(sim, 'POST', '/simctl/outage?enabled=true', viewer())).status).toBe(403);
    } finally {
      await call(sim, 'POST', '/simctl/outage?enabled=false', admin());
    }
    expect((await call(sim, 'GET', '/api/v1/nodes', admin())).status).toBe(200);
  });
});

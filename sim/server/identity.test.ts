/** SelfSubjectReview (`kubectl auth whoami`) and extra users bound to rules given by the test. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from './start';
import { call } from './testing/client';
import { kubectl } from './testing/kubectl';

let sim: SimHandle;
let dir: string;
const SSR = '/apis/authentication.k8s.io/v1/selfsubjectreviews';
const review = { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sim-identity-'));
  sim = await startSim({
    scenario: 'demo',
    port: 0,
    tickMs: 0,
    kubeconfigPath: path.join(dir, 'kubeconfig'),
    users: [
      {
        name: 'node-reader',
        groups: ['readers'],
        rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['nodes'] }],
      },
    ],
  });
});
afterAll(async () => {
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('SelfSubjectReview', () => {
  it('tells each user who they are, and a wrong token gets 401', async () => {
    const viewer = await call(sim, 'POST', SSR, { token: sim.tokens.viewer, body: review });
    expect(viewer.status).toBe(201);
    expect(viewer.json()).toMatchObject({
      status: { userInfo: { username: 'sim-viewer', groups: ['system:authenticated'] } },
    });
    expect((await call(sim, 'POST', SSR, { token: 'wrong', body: review })).status).toBe(401);
    expect((await call(sim, 'POST', SSR, { token: sim.tokens.viewer, body: { kind: 'Other' } })).status).toBe(422);
  });

  it('is what kubectl auth whoami reads', async () => {
    const r = await kubectl('kubectl', path.join(dir, 'kubeconfig'), path.join(dir, 'cache'), [
      '--context',
      'sim-viewer',
      'auth',
      'whoami',
      '-o',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({
      kind: 'SelfSubjectReview',
      status: { userInfo: { username: 'sim-viewer' } },
    });
  });
});

describe('extra users', () => {
  it('may do exactly what their rules allow', async () => {
    const token = sim.userTokens['node-reader'];
    expect(token).toBeTruthy();
    expect((await call(sim, 'GET', '/api/v1/nodes', { token })).status).toBe(200);
    expect((await call(sim, 'GET', '/api/v1/pods', { token })).status).toBe(403);
    expect((await call(sim, 'POST', SSR, { token, body: review })).json()).toMatchObject({
      status: { userInfo: { username: 'node-reader', groups: ['readers', 'system:authenticated'] } },
    });
  });
});

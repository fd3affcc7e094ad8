import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetAuthConfigForTests } from '@/lib/auth/config';
import { resetEnvForTests } from '@/lib/env';
import { getFleet, resetFleetsForTests } from '@/lib/fleet/fleet';
import { getKube, resetKubeCacheForTests } from '@/lib/k8s/client';
import { startFakeApiserver, type FakeApiserver } from '@/lib/k8s/testing/fake-apiserver';
import { warmDefaultContext } from './warm-up';

const node = {
  metadata: { name: 'n1', uid: 'n1', creationTimestamp: '2024-01-01T00:00:00Z', resourceVersion: '5' },
  status: {
    conditions: [{ type: 'Ready', status: 'True' }],
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
    if (p.includes('watch=true')) return { holdOpen: true, body: '' };
    if (p.startsWith('/api/v1/nodes?'))
      return { body: JSON.stringify({ metadata: { resourceVersion: '5' }, items: [node] }) };
    if (p.startsWith('/api/v1/pods?'))
      return { body: JSON.stringify({ metadata: { resourceVersion: '5' }, items: [] }) };
    return { status: 404, body: '404 page not found', contentType: 'text/plain' };
  });
  process.env.KUBECONFIG = fake.kubeconfigPath;
});
afterEach(() => {
  for (const k of ['KD_AUTH_MODE', 'KD_SESSION_SECRET']) delete process.env[k];
  resetFleetsForTests();
  resetEnvForTests();
  resetAuthConfigForTests();
  resetKubeCacheForTests();
  fake.requests.length = 0;
});
afterAll(async () => {
  delete process.env.KUBECONFIG;
  await fake.close();
});

describe('warmDefaultContext', () => {
  it('local mode: lists and watches the default context at start, before any page asks', async () => {
    warmDefaultContext();
    const fleet = getFleet(getKube({}));
    await vi.waitFor(() => expect(fleet.nodes.size).toBe(1));
    expect(fake.requests.some((r) => r.startsWith('/api/v1/nodes?'))).toBe(true);
    expect(fake.requests.some((r) => r.startsWith('/api/v1/pods?'))).toBe(true);
    // both watches open: nothing of this fleet is still on its way to the fake apiserver when the next test starts
    await vi.waitFor(() =>
      expect(fake.requests.filter((r) => r.includes('watch=true')).map((r) => r.split('?')[0])).toEqual(
        expect.arrayContaining(['/api/v1/nodes', '/api/v1/pods']),
      ),
    );
  });

  it('shared mode: no credentials before sign-in, so nothing is read', async () => {
    process.env.KD_AUTH_MODE = 'shared';
    process.env.KD_SESSION_SECRET = 's'.repeat(40);
    warmDefaultContext();
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.requests).toEqual([]);
  });
});

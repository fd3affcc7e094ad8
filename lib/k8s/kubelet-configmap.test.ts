import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { getKube } from './client';
import { findKubeletConfigMap, newestLegacyName } from './kubelet-configmap';
import { startFakeApiserver, statusBody, type FakeApiserver, type FakeReply } from './testing/fake-apiserver';

const replies = new Map<string, FakeReply>();
let fake: FakeApiserver;
const kube = () => getKube({ kubeconfigPath: fake.kubeconfigPath });
const notFound = (name: string): FakeReply => ({
  status: 404,
  body: statusBody(404, 'NotFound', `configmaps "${name}" not found`),
});
const cm = (name: string, data: Record<string, string>): FakeReply => ({
  body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'kube-system' }, data }),
});
const base = '/api/v1/namespaces/kube-system/configmaps';

beforeAll(async () => {
  fake = await startFakeApiserver((p) => replies.get(p.split('?')[0] as string) ?? notFound('x'));
});
afterAll(() => fake.close());
afterEach(() => replies.clear());

describe('newestLegacyName', () => {
  it('picks the highest minor numerically, not lexically', () => {
    expect(newestLegacyName(['kubelet-config-1.9', 'kubelet-config-1.23', 'kubelet-config-1.22', 'kube-proxy'])).toBe(
      'kubelet-config-1.23',
    );
    expect(newestLegacyName(['kubelet-config', 'coredns'])).toBeUndefined();
  });
});

describe('findKubeletConfigMap', () => {
  it('reads kube-system/kubelet-config, key kubelet', async () => {
    replies.set(`${base}/kubelet-config`, cm('kubelet-config', { kubelet: 'maxPods: 32\n' }));
    expect(await findKubeletConfigMap(kube())).toEqual({
      namespace: 'kube-system',
      name: 'kubelet-config',
      legacy: false,
      yaml: 'maxPods: 32\n',
    });
  });
  it('falls back to the newest legacy kubelet-config-1.X', async () => {
    replies.set(base, {
      body: JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMapList',
        metadata: {},
        items: ['kubelet-config-1.22', 'kubelet-config-1.23', 'coredns'].map((name) => ({
          metadata: { name, namespace: 'kube-system' },
        })),
      }),
    });
    replies.set(`${base}/kubelet-config-1.23`, cm('kubelet-config-1.23', { kubelet: 'maxPods: 64\n' }));
    expect(await findKubeletConfigMap(kube())).toMatchObject({
      name: 'kubelet-config-1.23',
      legacy: true,
      yaml: 'maxPods: 64\n',
    });
  });
  it('answers NotFound when the cluster has no kubeadm ConfigMap', async () => {
    replies.set(base, { body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMapList', metadata: {}, items: [] }) });
    const err = await findKubeletConfigMap(kube()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(404);
  });
});

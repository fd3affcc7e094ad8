import { describe, expect, it } from 'vitest';
import { fsLayoutOf, kubeletMinor, podEvictionFacts, sumPodResources } from './derive';
import s125 from '@/lib/domain/fixtures/summary-v1.25.3-kind.json';
import v131 from '@/lib/domain/fixtures/configz-v1.31-cri-dockerd.json';

const pod = (name: string, requests: Record<string, string>, limits: Record<string, string> = {}) => ({
  namespace: 'kube-system',
  name,
  phase: 'Running',
  qosClass: 'Burstable',
  priority: 2000001000,
  requests,
  limits,
});

describe('kubeletMinor', () => {
  it('prefers the node version, then configz hints', () => {
    expect(kubeletMinor('v1.29.15', undefined)).toEqual({ minor: 29, source: 'node' });
    expect(kubeletMinor(undefined, v131.kubeletconfig)).toEqual({ minor: 31, source: 'configz' });
    expect(kubeletMinor('', {})).toEqual({ minor: 36, source: 'assumed' });
  });
});

describe('sumPodResources', () => {
  it('sums cpu in millicores and memory in bytes', () => {
    const pods = [pod('a', { cpu: '200m', memory: '200Mi' }, { memory: '1Gi' }), pod('b', { cpu: '1', memory: '1Gi' })];
    expect(sumPodResources(pods, 'requests')).toEqual({
      cpu: 1200n,
      memory: 1224n * 1024n * 1024n,
      'ephemeral-storage': 0n,
    });
    expect(sumPodResources(pods, 'limits').memory).toBe(1024n * 1024n * 1024n);
    expect(sumPodResources([], 'requests').cpu).toBe(0n);
  });
});

describe('podEvictionFacts (real v1.25.3 kind Summary)', () => {
  it("takes the pod's own working set, its containers' writable layer and logs, and its process count", () => {
    const [facts] = podEvictionFacts(
      [pod('kube-controller-manager-cluster-1-25-3-control-plane', { cpu: '200m' })],
      s125,
    );
    expect(facts).toMatchObject({
      workingSetBytes: 54992896n,
      memoryRequestBytes: 0n,
      ephemeralStorageRequestBytes: 0n,
      priority: 2000001000,
      processCount: 0n,
    });
    expect(facts?.disk).toMatchObject({ rootfsBytes: 8192n, logsBytes: 16437248n, localVolumeBytes: 0n });
  });
  it('marks mirror pods and leaves usage unknown without a Summary', () => {
    const [facts] = podEvictionFacts([{ ...pod('x', { 'ephemeral-storage': '1Gi' }), mirror: true }], undefined);
    expect(facts?.workingSetBytes).toBeUndefined();
    expect(facts?.disk).toBeUndefined();
    expect(facts).toMatchObject({ mirror: true, ephemeralStorageRequestBytes: 1024n ** 3n });
  });
});

describe('fsLayoutOf', () => {
  it('sees one filesystem when imageFs reports the same numbers as nodefs (kind)', () => {
    expect(fsLayoutOf(s125)).toEqual({ dedicatedImageFs: false, splitContainerFs: false });
  });
  it('sees a dedicated image filesystem when its capacity differs', () => {
    const node = { ...s125.node, runtime: { imageFs: { capacityBytes: 1e11, availableBytes: 5e10 } } };
    expect(fsLayoutOf({ ...s125, node }).dedicatedImageFs).toBe(true);
  });
});

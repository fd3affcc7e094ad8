import { describe, expect, it } from 'vitest';
import { kubeletMinor, podMemoryFacts, sumPodResources } from './derive';
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

describe('podMemoryFacts', () => {
  it('takes the working set from the Summary containers of the matching pod', () => {
    const [facts] = podMemoryFacts(
      [pod('kube-controller-manager-cluster-1-25-3-control-plane', { cpu: '200m' })],
      s125,
    );
    expect(facts).toMatchObject({ workingSetBytes: 54874112n, memoryRequestBytes: 0n, priority: 2000001000 });
  });
  it('leaves usage unknown without a Summary', () => {
    expect(podMemoryFacts([pod('x', {})], undefined)[0]?.workingSetBytes).toBeUndefined();
  });
});

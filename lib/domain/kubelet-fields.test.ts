import { describe, expect, it } from 'vitest';
import { defaultFor, fieldExistsIn, kubeletField, valuesEqual, KUBELET_FIELDS } from './kubelet-fields';
import v116 from './fixtures/configz-v1.16-kubeadm.json';
import v127 from './fixtures/configz-v1.27-kubeadm-systemd.json';
import v131 from './fixtures/configz-v1.31-cri-dockerd.json';

describe('kubelet field reference', () => {
  it('covers every top-level key of real configz captures', () => {
    for (const cfg of [v116.kubeletconfig, v127.kubeletconfig, v131.kubeletconfig]) {
      for (const key of Object.keys(cfg)) expect(kubeletField(key), key).toBeDefined();
    }
  });
  it('classifies Go types', () => {
    expect(kubeletField('syncFrequency')?.kind).toBe('duration');
    expect(kubeletField('cpuCFSQuotaPeriod')?.kind).toBe('duration');
    expect(kubeletField('evictionHard')?.kind).toBe('map');
    expect(kubeletField('maxPods')?.kind).toBe('int');
    expect(kubeletField('failSwapOn')?.kind).toBe('bool');
    expect(kubeletField('clusterDNS')?.kind).toBe('list');
    expect(kubeletField('cgroupDriver')?.kind).toBe('string');
    expect(kubeletField('memoryThrottlingFactor')?.kind).toBe('float');
    expect(KUBELET_FIELDS.length).toBe(158);
  });
});

describe('defaultFor', () => {
  it('knows when fields appeared', () => {
    expect(fieldExistsIn('containerRuntimeEndpoint', 26)).toBe(false);
    expect(fieldExistsIn('containerRuntimeEndpoint', 27)).toBe(true);
    expect(fieldExistsIn('crashLoopBackOff.maxContainerRestartPeriod', 31)).toBe(false);
    expect(defaultFor('failCgroupV1', 30)).toMatchObject({ exists: false });
  });
  it('gives the pre-1.30 evictionHard map without imagefs.inodesFree', () => {
    expect(defaultFor('evictionHard', 29).value).toEqual(v127.kubeletconfig.evictionHard);
    expect(defaultFor('evictionHard', 30).value).toEqual(v131.kubeletconfig.evictionHard);
    expect(defaultFor('evictionHard', 33, 'windows').value).toEqual({
      'memory.available': '500Mi',
      'nodefs.available': '10%',
      'imagefs.available': '15%',
    });
  });
  it('flips failCgroupV1 to true at 1.35', () => {
    expect(defaultFor('failCgroupV1', 31).value).toBe(false);
    expect(defaultFor('failCgroupV1', 34).value).toBe(false);
    expect(defaultFor('failCgroupV1', 35).value).toBe(true);
  });
  it('matches what unmodified kubeadm kubelets report for QPS defaults in each era', () => {
    expect(defaultFor('eventRecordQPS', 16).value).toBe(v116.kubeletconfig.eventRecordQPS);
    expect(defaultFor('kubeAPIBurst', 16).value).toBe(v116.kubeletconfig.kubeAPIBurst);
    expect(defaultFor('nodeStatusReportFrequency', 16).value).toBe(v116.kubeletconfig.nodeStatusReportFrequency);
    expect(defaultFor('eventRecordQPS', 27).value).toBe(v127.kubeletconfig.eventRecordQPS);
    expect(defaultFor('nodeStatusReportFrequency', 31).value).toBe('5m0s');
    expect(defaultFor('memoryThrottlingFactor', 26).value).toBe(0.8);
  });
  it('agrees with the v1.31 capture on every field kubeadm does not set', () => {
    const kubeadmSets = new Set([
      'staticPodPath',
      'tlsCertFile',
      'tlsPrivateKeyFile',
      'rotateCertificates',
      'authentication',
      'authorization',
      'clusterDomain',
      'clusterDNS',
      'cgroupDriver',
      'containerRuntimeEndpoint',
      'logging',
      'memorySwap',
    ]);
    const cfg = v131.kubeletconfig as Record<string, unknown>;
    for (const [key, value] of Object.entries(cfg)) {
      if (kubeadmSets.has(key)) continue;
      const field = kubeletField(key);
      expect(valuesEqual(value, defaultFor(key, 31).value, field?.kind), key).toBe(true);
    }
  });
});

describe('valuesEqual', () => {
  it('compares durations by length of time and maps ignoring order', () => {
    expect(valuesEqual('60s', '1m0s', 'duration')).toBe(true);
    expect(valuesEqual({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(valuesEqual(['pods'], ['pods', 'kube-reserved'])).toBe(false);
  });
});

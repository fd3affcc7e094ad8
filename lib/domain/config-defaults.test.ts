import { describe, expect, it } from 'vitest';
import { applyDefaults, defaultsFor, parseMinor } from './config-defaults';

describe('parseMinor', () => {
  it('reads the minor from kubelet versions', () => {
    expect(parseMinor('v1.29.15')).toBe(29);
    expect(parseMinor('v1.33.2-eks-1234')).toBe(33);
    expect(parseMinor('1.30')).toBe(30);
    expect(parseMinor('unknown')).toBeUndefined();
    expect(parseMinor(undefined)).toBeUndefined();
  });
});

describe('applyDefaults', () => {
  it('fills missing fields and marks them as defaulted', () => {
    const { config, defaulted } = applyDefaults({ maxPods: 64 }, 'v1.33.2');
    expect(config.maxPods).toBe(64);
    expect(config.cgroupDriver).toBe('cgroupfs');
    expect(defaulted.has('cgroupDriver')).toBe(true);
    expect(defaulted.has('maxPods')).toBe(false);
  });
  it('treats zero non-pointer fields as unset, as Go defaulting does (kubeadm writes syncFrequency: 0s)', () => {
    const { config } = applyDefaults(
      { syncFrequency: '0s', maxPods: 0, authentication: { webhook: { cacheTTL: '0s' } } },
      'v1.33.2',
    );
    expect(config.syncFrequency).toBe('1m0s');
    expect(config.maxPods).toBe(110);
    expect((config.authentication as { webhook: { cacheTTL: string } }).webhook.cacheTTL).toBe('2m0s');
  });
  it('keeps explicit zero on pointer fields (registryPullQPS: 0 means unlimited)', () => {
    expect(applyDefaults({ registryPullQPS: 0 }, 'v1.33.2').config.registryPullQPS).toBe(0);
  });
  it('uses the four-key evictionHard before v1.30 and five keys from v1.30', () => {
    expect(Object.keys(applyDefaults({}, 'v1.29.15').config.evictionHard as object)).toHaveLength(4);
    expect(Object.keys(applyDefaults({}, 'v1.30.0').config.evictionHard as object)).toHaveLength(5);
  });
  it('does not merge defaults into a partially set evictionHard', () => {
    expect(applyDefaults({ evictionHard: { 'memory.available': '500Mi' } }, 'v1.33.2').config.evictionHard).toEqual({
      'memory.available': '500Mi',
    });
  });
  it('defaults failCgroupV1 by version and leaves it out before v1.31', () => {
    expect(applyDefaults({}, 'v1.29.15').config.failCgroupV1).toBeUndefined();
    expect(applyDefaults({}, 'v1.33.2').config.failCgroupV1).toBe(false);
    expect(applyDefaults({}, 'v1.35.0').config.failCgroupV1).toBe(true);
  });
  it('lets nodeStatusReportFrequency follow an explicit nodeStatusUpdateFrequency', () => {
    expect(applyDefaults({ nodeStatusUpdateFrequency: '20s' }, 'v1.33.2').config.nodeStatusReportFrequency).toBe('20s');
    const kubeadm = applyDefaults(
      { nodeStatusUpdateFrequency: '0s', nodeStatusReportFrequency: '0s' },
      'v1.33.2',
    ).config;
    expect(kubeadm.nodeStatusReportFrequency).toBe('5m0s');
    expect(kubeadm.nodeStatusUpdateFrequency).toBe('10s');
  });
  it('defaults serializeImagePulls to false when parallel pulls are allowed', () => {
    expect(applyDefaults({ maxParallelImagePulls: 5 }, 'v1.33.2').config.serializeImagePulls).toBe(false);
    expect(applyDefaults({}, 'v1.33.2').config.serializeImagePulls).toBe(true);
  });
  it('does not charge an old kubelet with fields it cannot have', () => {
    const paths = defaultsFor('v1.27.16').map((e) => e.path.join('.'));
    expect(paths).not.toContain('containerLogMaxWorkers');
    expect(paths).not.toContain('imageMaximumGCAge');
    expect(paths).toContain('containerRuntimeEndpoint');
  });
});

import { describe, expect, it } from 'vitest';
import { explainConfigMapDrift, flagExample, flagForPath } from './drift-causes';

describe('flagForPath', () => {
  it('names the kubelet flag, including the irregular ones', () => {
    expect(flagForPath(['maxPods'])).toBe('--max-pods');
    expect(flagForPath(['staticPodPath'])).toBe('--pod-manifest-path');
    expect(flagForPath(['podPidsLimit'])).toBe('--pod-max-pids');
    expect(flagForPath(['imageMinimumGCAge'])).toBe('--minimum-image-ttl-duration');
    expect(flagForPath(['authentication', 'anonymous', 'enabled'])).toBe('--anonymous-auth');
    expect(flagForPath(['featureGates', 'KubeletTracing'])).toBe('--feature-gates');
  });
  it('returns undefined for config-only fields', () => {
    expect(flagForPath(['memoryThrottlingFactor'])).toBeUndefined();
    expect(flagForPath(['shutdownGracePeriod'])).toBeUndefined();
  });
});

describe('flagExample', () => {
  it('writes eviction thresholds with <, other maps with =', () => {
    expect(flagExample(['evictionHard', 'memory.available'], '500Mi')).toBe('--eviction-hard=memory.available<500Mi');
    expect(flagExample(['kubeReserved', 'cpu'], '200m')).toBe('--kube-reserved=cpu=200m');
    expect(flagExample(['cgroupDriver'], 'cgroupfs')).toBe('--cgroup-driver=cgroupfs');
  });
});

describe('explainConfigMapDrift', () => {
  it('puts the flag first when one exists', () => {
    const e = explainConfigMapDrift(['cgroupDriver'], {
      nodeVersion: 'v1.33.2',
      nodeHasField: true,
      nodeValueIsDefault: false,
      nodeValue: 'cgroupfs',
    });
    expect(e.flag).toBe('--cgroup-driver');
    expect(e.causes.map((c) => c.kind)).toEqual(['flag', 'drop-in', 'local-edit']);
  });
  it('has no flag cause for config-only fields', () => {
    const e = explainConfigMapDrift(['shutdownGracePeriod'], {
      nodeVersion: 'v1.33.2',
      nodeHasField: true,
      nodeValueIsDefault: false,
    });
    expect(e.causes.map((c) => c.kind)).toEqual(['drop-in', 'local-edit']);
  });
  it('blames the version when the node lacks the field', () => {
    const e = explainConfigMapDrift(['failCgroupV1'], {
      nodeVersion: 'v1.29.15',
      nodeHasField: false,
      nodeValueIsDefault: false,
    });
    expect(e.causes).toEqual([expect.objectContaining({ kind: 'version-default' })]);
  });
  it('says an explicit evictionHard replaced the defaults before v1.33, not that the kubelet lacks the field', () => {
    const e = explainConfigMapDrift(['evictionHard', 'imagefs.inodesFree'], {
      nodeVersion: 'v1.31.9',
      nodeHasField: false,
      nodeValueIsDefault: false,
      nodeEvictionHardSet: true,
    });
    expect(e.causes).toEqual([expect.objectContaining({ kind: 'eviction-replace' })]);
    expect(e.causes[0]?.text).toContain('predates mergeDefaultEvictionSettings (v1.33)');
    expect(e.causes[0]?.text).not.toContain('does not report');
    const v133 = explainConfigMapDrift(['evictionHard', 'imagefs.inodesFree'], {
      nodeVersion: 'v1.33.2',
      nodeHasField: false,
      nodeValueIsDefault: false,
      nodeEvictionHardSet: true,
      mergeDefaultEvictionSettings: false,
    });
    expect(v133.causes[0]?.text).toContain('mergeDefaultEvictionSettings is false (the default)');
    expect(v133.causes[0]?.text).toContain('set mergeDefaultEvictionSettings: true');
  });
  it('names the version that introduced a field an older kubelet lacks', () => {
    const e = explainConfigMapDrift(['failCgroupV1'], {
      nodeVersion: 'v1.29.15',
      nodeHasField: false,
      nodeValueIsDefault: false,
    });
    expect(e.causes[0]?.text).toContain('has no failCgroupV1 field (added in v1.31)');
  });
});

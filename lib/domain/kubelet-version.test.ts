import { describe, expect, it } from 'vitest';
import { minimumMinorFromConfig, parseKubeletVersion } from './kubelet-version';
import v116 from './fixtures/configz-v1.16-kubeadm.json';
import v127 from './fixtures/configz-v1.27-kubeadm-systemd.json';
import v131 from './fixtures/configz-v1.31-cri-dockerd.json';

describe('parseKubeletVersion', () => {
  it('reads vendor-suffixed versions', () => {
    expect(parseKubeletVersion('v1.30.13-eks-1234abc')).toMatchObject({ major: 1, minor: 30, patch: 13 });
    expect(parseKubeletVersion('v1.31.9-aliyun.1')).toMatchObject({ minor: 31, patch: 9 });
    expect(parseKubeletVersion('1.29')).toMatchObject({ minor: 29, patch: 0 });
  });
  it('returns undefined for garbage', () => {
    expect(parseKubeletVersion('')).toBeUndefined();
    expect(parseKubeletVersion(undefined)).toBeUndefined();
    expect(parseKubeletVersion('latest')).toBeUndefined();
  });
});

describe('minimumMinorFromConfig', () => {
  it('dates real captures by the fields they carry', () => {
    expect(minimumMinorFromConfig(v116.kubeletconfig)).toBeUndefined();
    expect(minimumMinorFromConfig(v127.kubeletconfig)).toBe(27);
    expect(minimumMinorFromConfig(v131.kubeletconfig)).toBe(31);
  });
});

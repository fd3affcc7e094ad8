import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildConfigRows, displayValue, groupRows, sectionOf, toKubeletConfigYaml } from './config-sections';
import { kubeletField } from './kubelet-fields';
import v127 from './fixtures/configz-v1.27-kubeadm-systemd.json';
import v131 from './fixtures/configz-v1.31-cri-dockerd.json';

describe('sections', () => {
  it('puts fields where people look for them', () => {
    expect(sectionOf('evictionHard')).toBe('eviction');
    expect(sectionOf('authentication.webhook.cacheTTL')).toBe('auth');
    expect(sectionOf('kubeReserved')).toBe('resources');
    expect(sectionOf('cgroupDriver')).toBe('runtime');
    expect(sectionOf('clusterDNS')).toBe('pods');
    expect(sectionOf('featureGates')).toBe('features');
    expect(sectionOf('logging.format')).toBe('logging');
    expect(sectionOf('someFutureField')).toBe('timing');
  });
});

describe('buildConfigRows', () => {
  const rows = buildConfigRows(v131.kubeletconfig, 31);
  const row = (p: string) => rows.find((r) => r.path === p);

  it('marks what kubeadm changed from the defaults and nothing else', () => {
    const differing = rows
      .filter((r) => r.differs)
      .map((r) => r.path)
      .sort();
    // authentication.webhook.enabled is already true by v1beta1 default, so kubeadm's setting is not a difference
    expect(differing).toEqual([
      'authentication.x509.clientCAFile',
      'cgroupDriver',
      'clusterDNS',
      'clusterDomain',
      'containerRuntimeEndpoint', // cri-dockerd instead of containerd's socket
      'rotateCertificates',
      'staticPodPath',
      'tlsCertFile',
      'tlsPrivateKeyFile',
    ]);
    expect(row('cgroupDriver')).toMatchObject({
      differs: true,
      defaultDisplay: 'cgroupfs',
      flag: '--cgroup-driver',
      flagState: 'deprecated',
    });
    expect(row('maxPods')).toMatchObject({ differs: false, flag: '--max-pods' });
    expect(row('failCgroupV1')?.warnings.join(' ')).toMatch(/v1\.35/);
  });
  it('shows durations readably and expands nested objects to leaves', () => {
    expect(row('syncFrequency')?.display).toBe('1m0s (1 min)');
    expect(row('streamingConnectionIdleTimeout')?.display).toBe('4h0m0s (4 h)');
    expect(row('authorization.webhook.cacheAuthorizedTTL')?.display).toBe('5m0s (5 min)');
    expect(row('logging.options.json.infoBufferSize')?.display).toBe('0');
    expect(row('authentication')).toBeUndefined();
  });
  it('does not call a v1.27 kubelet non-default for lacking imagefs.inodesFree', () => {
    const r27 = buildConfigRows(v127.kubeletconfig, 27);
    expect(r27.find((r) => r.path === 'evictionHard')?.differs).toBe(false);
    expect(buildConfigRows(v127.kubeletconfig, 31).find((r) => r.path === 'evictionHard')?.differs).toBe(true);
  });
  it('flags insecure settings and unknown fields', () => {
    const r = buildConfigRows({ readOnlyPort: 10255, authorization: { mode: 'AlwaysAllow' }, madeUp: 1 }, 33);
    expect(r.find((x) => x.path === 'readOnlyPort')?.warnings[0]).toMatch(/without authentication/);
    expect(r.find((x) => x.path === 'authorization.mode')?.differs).toBe(true);
    expect(r.find((x) => x.path === 'madeUp')).toMatchObject({ known: false });
  });
  it('groups in section order', () => {
    expect(groupRows(rows).map((g) => g.id)[0]).toBe('auth');
    expect(groupRows([])).toEqual([]);
  });
});

describe('displayValue', () => {
  it('formats quantities and maps', () => {
    expect(displayValue('10Mi', kubeletField('containerLogMaxSize'))).toBe('10Mi');
    expect(displayValue({ 'memory.available': '100Mi' }, kubeletField('evictionHard'))).toBe(
      '{"memory.available":"100Mi"}',
    );
    expect(displayValue(undefined)).toBe('—');
  });
});

describe('toKubeletConfigYaml', () => {
  it('writes a config.yaml that parses back to the same values with apiVersion and kind', () => {
    const text = toKubeletConfigYaml(v131.kubeletconfig);
    expect(text.startsWith('apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n')).toBe(true);
    const back = parse(text) as Record<string, unknown>;
    const { apiVersion, kind, ...rest } = back;
    expect(apiVersion).toBe('kubelet.config.k8s.io/v1beta1');
    expect(kind).toBe('KubeletConfiguration');
    expect(rest).toEqual(v131.kubeletconfig);
  });
});

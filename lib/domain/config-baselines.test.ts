import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compareVariants, KubeletConfigYamlError, parseKubeletConfigYaml, versionedBaseline } from './config-baselines';
import { formatPath } from './config-flatten';
import { DEFAULT_IGNORE, groupVariants } from './config-variants';

const read = (name: string) => readFileSync(new URL(`./fixtures/compare/${name}`, import.meta.url), 'utf8');
const kubeadm = (JSON.parse(read('kubeadm-v1.28.configz.json')) as { kubeletconfig: Record<string, unknown> })
  .kubeletconfig;
const configMap = parseYaml(read('kubeadm-kubelet-config.configmap.yaml')) as { data: { kubelet: string } };

describe('parseKubeletConfigYaml', () => {
  it('parses the kubelet key of the ConfigMap kubeadm writes', () => {
    const cfg = parseKubeletConfigYaml(configMap.data.kubelet);
    expect(cfg.cgroupDriver).toBe('systemd');
    expect(cfg.syncFrequency).toBe('0s');
    expect((cfg.logging as { flushFrequency: unknown }).flushFrequency).toBe(0);
  });
  it('rejects YAML that is not a KubeletConfiguration', () => {
    expect(() => parseKubeletConfigYaml('- a\n- b')).toThrow(KubeletConfigYamlError);
    expect(() => parseKubeletConfigYaml('kind: KubeProxyConfiguration')).toThrow(/KubeProxyConfiguration/);
    expect(() => parseKubeletConfigYaml('a: [')).toThrow(KubeletConfigYamlError);
  });
});

describe('compareVariants against the kubeadm ConfigMap', () => {
  const cm = versionedBaseline(parseKubeletConfigYaml(configMap.data.kubelet), DEFAULT_IGNORE);

  it('finds a configz of a kubeadm node equal to its ConfigMap once both are defaulted', () => {
    // its containerd socket comes from kubeadm-flags.env as unix:///var/run/…, the same socket as the default
    const g = groupVariants([{ node: 'k8s-node-01', version: 'v1.28.9', ok: true, config: kubeadm }], DEFAULT_IGNORE);
    const [result] = compareVariants(g.variants, 'configmap', cm);
    expect(result!.differences).toEqual([]);
  });
  it('names the flag that sets a drifted field and explains the usual causes', () => {
    const g = groupVariants(
      [{ node: 'w3', version: 'v1.28.9', ok: true, config: { ...kubeadm, maxPods: 64 } }],
      DEFAULT_IGNORE,
    );
    const diff = compareVariants(g.variants, 'configmap', cm)[0]!.differences.find((d) => d.path[0] === 'maxPods')!;
    expect(diff.flag).toBe('--max-pods');
    expect(diff.expected?.display).toBe('110');
    expect(diff.actual?.display).toBe('64');
    expect(diff.causes[0]?.kind).toBe('flag');
    expect(diff.causes[0]?.text).toContain('--max-pods=64');
    expect(diff.causes[0]?.text).toContain('kubeadm-flags.env');
    expect(diff.causes.map((c) => c.kind)).toEqual(['flag', 'drop-in', 'local-edit']);
  });
  it('explains a map key by its parent flag', () => {
    const config = { ...kubeadm, evictionHard: { ...(kubeadm.evictionHard as object), 'memory.available': '500Mi' } };
    const g = groupVariants([{ node: 'w4', version: 'v1.28.9', ok: true, config }], DEFAULT_IGNORE);
    const diff = compareVariants(g.variants, 'configmap', cm)[0]!.differences.find(
      (d) => d.path[1] === 'memory.available',
    )!;
    expect(diff.flag).toBe('--eviction-hard');
    expect(diff.causes[0]?.text).toContain('--eviction-hard=memory.available<500Mi');
  });
});

describe('compareVariants against upstream defaults', () => {
  it('lists what kubeadm sets on top of kubelet defaults', () => {
    const g = groupVariants([{ node: 'n', version: 'v1.28.9', ok: true, config: kubeadm }], DEFAULT_IGNORE);
    const keys = compareVariants(g.variants, 'defaults', versionedBaseline({}, DEFAULT_IGNORE))[0]!.differences.map(
      (d) => formatPath(d.path),
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'cgroupDriver',
        'clusterDNS',
        'clusterDomain',
        'rotateCertificates',
        'staticPodPath',
        'authentication.x509.clientCAFile',
      ]),
    );
    expect(keys).not.toContain('maxPods');
  });
});

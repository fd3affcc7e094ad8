import { describe, expect, it } from 'vitest';
import { ConfigFileError, containerdCgroupDriver, parseKubeletConfigFile } from './config-file';
import { explainKubeletConfig } from './explain';
import { detectKind } from './inputs';
import { redactSecrets } from './redact';
import { runtimeWarnings } from './warnings';

const cmd = (content: string, version = 'v1.33.2') =>
  explainKubeletConfig({ version, inputs: [{ kind: 'command-line', path: 'ps', content }] });
const codes = (r: ReturnType<typeof cmd>) => r.warnings.map((w) => w.code);

describe('flag warnings', () => {
  it('says which value wins when a scalar flag is repeated', () => {
    const r = cmd('/usr/bin/kubelet --max-pods=32 --max-pods=64');
    expect(r.warnings.find((w) => w.code === 'flag-repeated')?.message).toMatch(/the last one, "64", wins/);
    expect(r.fields.find((f) => f.path === 'maxPods')?.predicted).toBe(64);
  });
  it('reports a boolean flag given its value after a space', () => {
    expect(codes(cmd('/usr/bin/kubelet --fail-swap-on false'))).toContain('stray-argument');
  });
  it('reports values the kubelet would reject', () => {
    const r = cmd('/usr/bin/kubelet --max-pods=lots --eviction-hard=memory.available=1Gi');
    expect(r.warnings.filter((w) => w.code === 'invalid-flag-value').map((w) => w.flag)).toEqual([
      'max-pods',
      'eviction-hard',
    ]);
  });
  it('reports unknown flags', () => {
    expect(cmd('/usr/bin/kubelet --max-podz=3').warnings.find((w) => w.code === 'unknown-flag')?.flag).toBe('max-podz');
  });
  it('does not call a flag removed later than the node’s version removed', () => {
    expect(codes(cmd('/usr/bin/kubelet --network-plugin=cni', 'v1.23.17'))).not.toContain('removed-flag');
    expect(codes(cmd('/usr/bin/kubelet --network-plugin=cni', 'v1.23.17'))).toContain('deprecated-flag');
  });
});

describe('runtime warnings', () => {
  it('warns about cgroupfs on a systemd-managed node without the runtime config', () => {
    expect(
      runtimeWarnings({ cgroupDriver: 'cgroupfs', cgroupDriverSource: 'default', systemdManaged: true }).map(
        (w) => w.code,
      ),
    ).toEqual(['cgroupfs-on-systemd']);
    expect(runtimeWarnings({ cgroupDriver: 'systemd', cgroupDriverSource: 'x', systemdManaged: true })).toEqual([]);
  });
  it('compares with containerd’s SystemdCgroup', () => {
    expect(
      containerdCgroupDriver(
        '[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]\n  SystemdCgroup = false',
      ),
    ).toBe('cgroupfs');
    expect(containerdCgroupDriver('# SystemdCgroup = true\nversion = 2')).toBeUndefined();
    expect(
      runtimeWarnings({
        cgroupDriver: 'systemd',
        cgroupDriverSource: 'x',
        runtimeDriver: 'cgroupfs',
        systemdManaged: true,
      })[0]?.code,
    ).toBe('cgroup-driver-mismatch');
  });
});

describe('pasted config files', () => {
  it('accepts the kubeadm ConfigMap and a configz dump', () => {
    const cm =
      'apiVersion: v1\nkind: ConfigMap\ndata:\n  kubelet: |\n    apiVersion: kubelet.config.k8s.io/v1beta1\n    kind: KubeletConfiguration\n    maxPods: 32\n';
    expect(parseKubeletConfigFile(cm)).toEqual({
      config: { apiVersion: 'kubelet.config.k8s.io/v1beta1', kind: 'KubeletConfiguration', maxPods: 32 },
      fromConfigMap: true,
      warnings: [],
    });
    expect(parseKubeletConfigFile('{"kubeletconfig":{"maxPods":64}}').config).toEqual({ maxPods: 64 });
  });
  it('refuses other kinds and broken YAML without echoing the content', () => {
    expect(() => parseKubeletConfigFile('apiVersion: v1\nkind: Config\nusers: []')).toThrow(ConfigFileError);
    expect(() => parseKubeletConfigFile('a: [b')).toThrow(/not valid YAML/);
  });
  it('detects what each paste is', () => {
    const kind = (content: string, path = '') => detectKind({ kind: 'auto', path, content });
    expect(kind('[Service]\nExecStart=/usr/bin/kubelet')).toBe('unit');
    expect(kind('kind: KubeletConfiguration')).toBe('kubelet-config');
    expect(kind('KUBELET_EXTRA_ARGS=--max-pods=64')).toBe('env');
    expect(kind('root 1 0 0 ? 00:00:01 /usr/bin/kubelet --v=2')).toBe('command-line');
    expect(kind('version = 2\n[plugins."io.containerd.grpc.v1.cri"]')).toBe('containerd-config');
  });
});

describe('redaction', () => {
  it('removes bootstrap tokens, kubeconfig credentials, bearer headers and private keys', () => {
    const text = [
      'token: abcdef.0123456789abcdef',
      '    token: eyJhbGciOiJSUzI1NiIsImtpZCI6',
      '    client-key-data: LS0tLS1CRUdJTi',
      'Authorization: Bearer eyJhbGciOi.abc.def',
      '--token=07401b.f395accd246ae52d',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----',
    ].join('\n');
    const out = redactSecrets(text);
    for (const secret of [
      '0123456789abcdef',
      'eyJhbGciOiJSUzI1NiIsImtpZCI6',
      'LS0tLS1CRUdJTi',
      'eyJhbGciOi.abc.def',
      'f395accd246ae52d',
      'MIIE',
    ]) {
      expect(out).not.toContain(secret);
    }
  });
  it('leaves ordinary flags alone', () => {
    expect(redactSecrets('--max-pods=64 --kubeconfig=/etc/kubernetes/kubelet.conf')).toBe(
      '--max-pods=64 --kubeconfig=/etc/kubernetes/kubelet.conf',
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainKubeletConfig, type ExplainResult } from './explain';
import * as eks from './fixtures/eks-al2';
import * as heavy from './fixtures/flag-heavy';
import * as kubeadm from './fixtures/kubeadm';
import * as kubeasz from './fixtures/kubeasz';
import { WORKER_3_CONFIGZ } from './fixtures/live-configz';

const field = (r: ExplainResult, path: string) => r.fields.find((f) => f.path === path);
const codes = (r: ExplainResult) => r.warnings.map((w) => `${w.code}:${w.flag ?? w.field ?? ''}`);

describe('kubeadm node (k8s-worker-3)', () => {
  const inputs = [
    { kind: 'auto' as const, path: '/usr/lib/systemd/system/kubelet.service', content: kubeadm.KUBELET_SERVICE },
    {
      kind: 'auto' as const,
      path: '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf',
      content: kubeadm.DROPIN_10_KUBEADM,
    },
    { kind: 'auto' as const, path: '/var/lib/kubelet/kubeadm-flags.env', content: kubeadm.KUBEADM_FLAGS_ENV },
    { kind: 'auto' as const, path: '/etc/default/kubelet', content: kubeadm.DEFAULT_KUBELET },
    { kind: 'auto' as const, path: '/var/lib/kubelet/config.yaml', content: kubeadm.CONFIG_YAML },
  ];
  const r = explainKubeletConfig({ version: 'v1.33.2', live: WORKER_3_CONFIGZ, inputs });

  it('expands the drop-in into the command line systemd runs', () => {
    expect(r.argv).toEqual([
      '/usr/bin/kubelet',
      '--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf',
      '--kubeconfig=/etc/kubernetes/kubelet.conf',
      '--config=/var/lib/kubelet/config.yaml',
      '--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock',
      '--pod-infra-container-image=registry.k8s.io/pause:3.10',
      '--max-pods=64',
    ]);
  });
  it('attributes maxPods to --max-pods in KUBELET_EXTRA_ARGS and warns that it overrides the file', () => {
    expect(field(r, 'maxPods')).toMatchObject({
      status: 'explained',
      live: 64,
      source: 'flag: --max-pods from KUBELET_EXTRA_ARGS (/etc/default/kubelet)',
    });
    expect(field(r, 'maxPods')?.overridden.map((o) => o.source)).toEqual([
      'default (v1.33)',
      'config file (/var/lib/kubelet/config.yaml)',
    ]);
    expect(codes(r)).toContain('flag-overrides-file:max-pods');
  });
  it('attributes every other layer', () => {
    expect(field(r, 'clusterDNS')).toMatchObject({
      status: 'explained',
      source: 'config file (/var/lib/kubelet/config.yaml)',
    });
    expect(field(r, 'cgroupDriver')).toMatchObject({
      status: 'explained',
      source: 'config file (/var/lib/kubelet/config.yaml)',
    });
    expect(field(r, 'authentication.x509.clientCAFile')).toMatchObject({ status: 'explained', sourceKind: 'config' });
    expect(field(r, 'port')).toMatchObject({ status: 'explained', source: 'default (v1.33)' });
    // kubeadm writes `syncFrequency: 0s`; defaulting turns Go zero values into the default
    expect(field(r, 'syncFrequency')).toMatchObject({ status: 'explained', live: '1m0s', source: 'default (v1.33)' });
    expect(field(r, 'containerRuntimeEndpoint')).toMatchObject({
      status: 'explained',
      source: 'flag: --container-runtime-endpoint from KUBELET_KUBEADM_ARGS (/var/lib/kubelet/kubeadm-flags.env)',
    });
  });
  it('flags drift the files do not account for', () => {
    expect(field(r, 'evictionHard')).toMatchObject({ status: 'unexplained', source: 'default (v1.33)' });
    expect(field(r, 'resolvConf')).toMatchObject({ status: 'unexplained', live: '/run/systemd/resolve/resolv.conf' });
    expect(r.summary.unexplained).toBe(2);
    expect(r.summary.explained).toBeGreaterThan(60);
  });
  it('warns about the deprecated sandbox-image flag but raises no error', () => {
    expect(codes(r)).toContain('deprecated-flag:pod-infra-container-image');
    expect(r.warnings.filter((w) => w.severity === 'error')).toEqual([]);
  });
  it('uses the ConfigMap when config.yaml is not pasted', () => {
    const cm = explainKubeletConfig({
      version: 'v1.33.2',
      live: WORKER_3_CONFIGZ,
      inputs: inputs.slice(0, 4),
      configMap: {
        name: 'kube-system/kubelet-config',
        config: { maxPods: 32, clusterDNS: ['10.96.0.10'], cgroupDriver: 'systemd' },
      },
    });
    expect(field(cm, 'clusterDNS')).toMatchObject({
      status: 'explained',
      source: 'ConfigMap kube-system/kubelet-config',
    });
    expect(field(cm, 'maxPods')?.overridden.at(-1)?.source).toBe('ConfigMap kube-system/kubelet-config');
  });
});

describe('flag-heavy node with several Environment= lines (rpm 10-kubeadm.conf) on a 1.31 kubelet', () => {
  const units = [
    {
      kind: 'auto' as const,
      path: '/etc/systemd/system/kubelet.service.d/10-kubeadm.conf',
      content: heavy.DROPIN_10_KUBEADM_RPM,
    },
    {
      kind: 'auto' as const,
      path: '/etc/systemd/system/kubelet.service.d/20-extra.conf',
      content: heavy.DROPIN_20_EXTRA,
    },
  ];
  const r = explainKubeletConfig({
    version: 'v1.31.9',
    inputs: [...units, { kind: 'auto', path: 'ps -ef', content: heavy.PS_EF_WRAPPED }],
  });

  it('attributes each flag to its Environment= variable through the wrapped ps output', () => {
    expect(field(r, 'clusterDNS')).toMatchObject({
      status: 'predicted',
      predicted: ['10.96.0.10'],
      source: 'flag: --cluster-dns from KUBELET_DNS_ARGS (/etc/systemd/system/kubelet.service.d/10-kubeadm.conf)',
    });
    expect(field(r, 'authorization.mode')).toMatchObject({
      predicted: 'Webhook',
      source:
        'flag: --authorization-mode from KUBELET_AUTHZ_ARGS (/etc/systemd/system/kubelet.service.d/10-kubeadm.conf)',
    });
    expect(field(r, 'cgroupDriver')).toMatchObject({ predicted: 'systemd', sourceKind: 'flag' });
    expect(field(r, 'maxPods')).toMatchObject({
      predicted: 64,
      source: 'flag: --max-pods from KUBELET_EXTRA_ARGS (/etc/systemd/system/kubelet.service.d/20-extra.conf)',
    });
  });
  it('merges a repeated map flag and parses eviction thresholds', () => {
    expect(field(r, 'kubeReserved')?.predicted).toEqual({ cpu: '100m', memory: '1Gi', 'ephemeral-storage': '1Gi' });
    expect(field(r, 'kubeReserved')?.source).toMatch(/2 occurrences combined/);
    expect(field(r, 'evictionHard')?.predicted).toEqual({ 'memory.available': '300Mi', 'nodefs.available': '10%' });
    expect(field(r, 'featureGates')?.predicted).toEqual({ RotateKubeletServerCertificate: true });
  });
  it('uses legacy defaults without --config', () => {
    expect(field(r, 'readOnlyPort')).toMatchObject({ predicted: 10255, sourceKind: 'default' });
    expect(field(r, 'authentication.anonymous.enabled')?.predicted).toBe(true);
  });
  it('errors on flags a 1.31 kubelet no longer accepts', () => {
    const removed = r.warnings.filter((w) => w.code === 'removed-flag').map((w) => w.flag);
    expect(removed).toEqual(['allow-privileged', 'network-plugin', 'cni-conf-dir', 'cni-bin-dir', 'cadvisor-port']);
    expect(r.warnings.find((w) => w.flag === 'network-plugin')?.message).toMatch(
      /removed in 1\.24.*refuses to start.*KUBELET_NETWORK_ARGS/,
    );
  });
  it('lists kubelet-only flags as having no config field', () => {
    expect(r.flags.find((f) => f.flag === 'bootstrap-kubeconfig')).toMatchObject({
      type: 'kubelet-only',
      where: expect.stringContaining('KUBELET_KUBECONFIG_ARGS'),
    });
    expect(r.flags.find((f) => f.flag === 'max-pods')).toMatchObject({ type: 'config', field: 'maxPods' });
  });
});

describe('EKS AL2 node', () => {
  const r = explainKubeletConfig({
    version: 'v1.30.13',
    inputs: [
      { kind: 'auto', path: '/etc/systemd/system/kubelet.service', content: eks.KUBELET_SERVICE },
      { kind: 'auto', path: '/etc/systemd/system/kubelet.service.d/10-kubelet-args.conf', content: eks.DROPIN_10_ARGS },
      {
        kind: 'auto',
        path: '/etc/systemd/system/kubelet.service.d/30-kubelet-extra-args.conf',
        content: eks.DROPIN_30_EXTRA,
      },
      { kind: 'auto', path: '/etc/kubernetes/kubelet/kubelet-config.json', content: eks.KUBELET_CONFIG_JSON },
    ],
  });
  it('reads the JSON config and the single-quoted Environment= drop-ins', () => {
    expect(field(r, 'kubeReserved')).toMatchObject({
      predicted: { cpu: '70m', 'ephemeral-storage': '1Gi', memory: '442Mi' },
      source: 'config file (/etc/kubernetes/kubelet/kubelet-config.json)',
    });
    expect(field(r, 'maxPods')).toMatchObject({
      predicted: 29,
      source:
        'flag: --max-pods from KUBELET_EXTRA_ARGS (/etc/systemd/system/kubelet.service.d/30-kubelet-extra-args.conf)',
    });
    expect(field(r, 'logging.verbosity')).toMatchObject({
      predicted: 2,
      source: 'flag: --v from KUBELET_ARGS (/etc/systemd/system/kubelet.service.d/10-kubelet-args.conf)',
    });
    expect(field(r, 'containerRuntimeEndpoint')).toMatchObject({
      sourceKind: 'flag',
      source: 'flag: --container-runtime-endpoint in ExecStart (/etc/systemd/system/kubelet.service)',
    });
    expect(field(r, 'serializeImagePulls')?.predicted).toBe(false);
  });
  it('keeps node identity flags out of the config', () => {
    expect(r.flags.filter((f) => f.type === 'kubelet-only').map((f) => f.flag)).toEqual([
      'config',
      'kubeconfig',
      'image-credential-provider-config',
      'image-credential-provider-bin-dir',
      'node-ip',
      'pod-infra-container-image',
      'hostname-override',
      'cloud-provider',
      'node-labels',
    ]);
    expect(codes(r)).toContain('flag-overrides-file:max-pods');
  });
  it('checks cgroupDriver against containerd when its config is pasted', () => {
    const mismatch = explainKubeletConfig({
      version: 'v1.30.13',
      inputs: [
        {
          kind: 'auto',
          path: '/etc/kubernetes/kubelet/kubelet-config.json',
          content: eks.KUBELET_CONFIG_JSON.replace('"cgroupDriver": "systemd"', '"cgroupDriver": "cgroupfs"'),
        },
        {
          kind: 'auto',
          path: '/etc/containerd/config.toml',
          content: "[plugins.'io.containerd.grpc.v1.cri'.containerd.runtimes.runc.options]\n  SystemdCgroup = true\n",
        },
      ],
    });
    expect(codes(mismatch)).toContain('cgroup-driver-mismatch:cgroupDriver');
  });
});

describe('kubeasz binary install', () => {
  const r = explainKubeletConfig({
    version: 'v1.28.15',
    inputs: [
      { kind: 'auto', path: '/etc/systemd/system/kubelet.service', content: kubeasz.KUBELET_SERVICE },
      { kind: 'auto', path: '/var/lib/kubelet/config.yaml', content: kubeasz.CONFIG_YAML },
    ],
  });
  it('reads its own unit with backslash continuations', () => {
    expect(r.argv[0]).toBe('/opt/kube/bin/kubelet');
    expect(field(r, 'logging.verbosity')).toMatchObject({
      predicted: 2,
      source: 'flag: --v in ExecStart (/etc/systemd/system/kubelet.service)',
    });
    expect(field(r, 'evictionHard')).toMatchObject({
      predicted: {
        'imagefs.available': '15%',
        'memory.available': '300Mi',
        'nodefs.available': '10%',
        'nodefs.inodesFree': '5%',
      },
      sourceKind: 'config',
    });
    expect(field(r, 'nodeStatusReportFrequency')).toMatchObject({ predicted: '1m0s', sourceKind: 'config' });
    expect(r.warnings.filter((w) => w.severity === 'error')).toEqual([]);
  });
  it('reports systemctl status output with a flag removed in 1.27', () => {
    const s = explainKubeletConfig({
      version: 'v1.28.15',
      inputs: [{ kind: 'auto', path: 'systemctl status kubelet', content: kubeasz.SYSTEMCTL_STATUS }],
    });
    expect(codes(s)).toContain('removed-flag:container-runtime');
    expect(field(s, 'enforceNodeAllocatable')).toMatchObject({ predicted: [], sourceKind: 'flag' });
    expect(field(s, 'failSwapOn')).toMatchObject({
      predicted: false,
      source: 'flag: --fail-swap-on on the command line',
    });
  });
});

describe('secrets', () => {
  it('never echoes a bootstrap token or kubeconfig token', () => {
    const r = explainKubeletConfig({
      version: 'v1.33.2',
      inputs: [
        {
          kind: 'command-line',
          path: 'ps',
          content: '/usr/bin/kubelet --token=abcdef.0123456789abcdef --kubeconfig=/x --bogus=07401b.f395accd246ae52d',
        },
      ],
    });
    const text = JSON.stringify(r);
    expect(text).not.toContain('0123456789abcdef');
    expect(text).not.toContain('f395accd246ae52d');
  });
});

describe('kubelet config drop-in directory (--config-dir)', () => {
  it('merges *.conf drop-ins over the --config file in name order', () => {
    const r = explainKubeletConfig({
      version: 'v1.31.9',
      inputs: [
        {
          kind: 'command-line',
          path: 'ps',
          content: '/usr/bin/kubelet --config=/etc/kubernetes/kubelet.yaml --config-dir=/etc/kubernetes/kubelet.conf.d',
        },
        { kind: 'kubelet-config', path: '/etc/kubernetes/kubelet.conf.d/20-pods.conf', content: 'maxPods: 80' },
        {
          kind: 'kubelet-config',
          path: '/etc/kubernetes/kubelet.conf.d/10-pods.conf',
          content: 'maxPods: 70\nclusterDomain: corp.local',
        },
        {
          kind: 'kubelet-config',
          path: '/etc/kubernetes/kubelet.yaml',
          content:
            'kind: KubeletConfiguration\napiVersion: kubelet.config.k8s.io/v1beta1\nmaxPods: 60\nclusterDomain: cluster.local',
        },
      ],
    });
    expect(r.fields.find((f) => f.path === 'maxPods')).toMatchObject({
      predicted: 80,
      source: 'config file (/etc/kubernetes/kubelet.conf.d/20-pods.conf)',
    });
    expect(r.fields.find((f) => f.path === 'clusterDomain')).toMatchObject({
      predicted: 'corp.local',
      source: 'config file (/etc/kubernetes/kubelet.conf.d/10-pods.conf)',
    });
    expect(r.fields.find((f) => f.path === 'maxPods')?.overridden.map((o) => o.value)).toEqual([110, 60, 70]);
  });
});

describe('values the kubelet derives itself', () => {
  // real v1.31 kubeadm configz (lib/domain/fixtures): no serving certificate configured, so the kubelet self-signs
  const live = (
    JSON.parse(readFileSync(new URL('../fixtures/configz-v1.31-cri-dockerd.json', import.meta.url), 'utf8')) as {
      kubeletconfig: Record<string, unknown>;
    }
  ).kubeletconfig;
  const inputs = [{ kind: 'auto' as const, path: '/var/lib/kubelet/config.yaml', content: kubeadm.CONFIG_YAML }];

  it('explains tlsCertFile and tlsPrivateKeyFile from the --cert-dir default as their own source', () => {
    const r = explainKubeletConfig({
      version: 'v1.31.2',
      live,
      inputs: [
        ...inputs,
        { kind: 'auto' as const, path: 'ps', content: '/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml' },
      ],
    });
    expect(field(r, 'tlsCertFile')).toMatchObject({
      status: 'explained',
      live: '/var/lib/kubelet/pki/kubelet.crt',
      sourceKind: 'derived',
    });
    expect(field(r, 'tlsCertFile')?.source).toContain('--cert-dir default (/var/lib/kubelet/pki)');
    expect(field(r, 'tlsPrivateKeyFile')).toMatchObject({ status: 'explained', sourceKind: 'derived' });
  });
  it('follows --cert-dir, and derives nothing when serverTLSBootstrap is on', () => {
    const moved = explainKubeletConfig({
      version: 'v1.31.2',
      live: { ...live, tlsCertFile: '/etc/kubelet/pki/kubelet.crt', tlsPrivateKeyFile: '/etc/kubelet/pki/kubelet.key' },
      inputs: [
        ...inputs,
        {
          kind: 'auto' as const,
          path: 'ps',
          content: '/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --cert-dir=/etc/kubelet/pki/',
        },
      ],
    });
    expect(field(moved, 'tlsCertFile')).toMatchObject({ status: 'explained', sourceKind: 'derived' });
    const bootstrap = explainKubeletConfig({
      version: 'v1.31.2',
      live: { ...live, serverTLSBootstrap: true },
      inputs: [
        {
          kind: 'auto' as const,
          path: '/var/lib/kubelet/config.yaml',
          content: `${kubeadm.CONFIG_YAML}\nserverTLSBootstrap: true\n`,
        },
      ],
    });
    expect(field(bootstrap, 'tlsCertFile')?.sourceKind).not.toBe('derived');
  });
});

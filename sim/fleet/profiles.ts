import { kubeadmKubeletConfig } from './kubeadm-configmap';
import { kubeletDefaults, type KubeletConfig } from './kubelet-defaults';
import { applyConfig } from './merge-config';
import type { ProfileName } from './types';

export interface ProfileInput {
  profile: ProfileName;
  minor: number;
  cpuCores: number;
  memoryBytes: bigint;
  /** ENI-based max pods (EKS) */
  maxPods?: number;
  providerID?: string;
  /** node-local config edits or KUBELET_EXTRA_ARGS flags, applied last (the drift cases) */
  local?: Record<string, unknown>;
  /** kubeasz: whether SYS_RESERVED_ENABLED was "yes" */
  systemReservedEnabled?: boolean;
}

/** EKS / GKE CPU reservation: 6% of the first core, 1% of the next, 0.5% of the next 2, 0.25% above 4. */
function tieredCpuMillis(cores: number): number {
  let m = 0;
  for (let c = 1; c <= cores; c++) m += c === 1 ? 60 : c === 2 ? 10 : c <= 4 ? 5 : 2.5;
  return Math.round(m);
}

/**
 * GKE memory reservation: 25 % of the first 4 "GB", 20 % of the next 4, 10 % of the next 8, 6 % up to 128, 2 %
 * above, where GKE's "GB" is 1000 MiB of the machine's memory in whole MiB, truncated (255 MiB at ≤ 1000 MiB);
 * cluster-autoscaler predicts GKE nodes with the same rule (kubernetes/autoscaler
 * cluster-autoscaler/cloudprovider/gce/reserved.go, "treating GB as 1000*MiB"), and real GKE nodes match it
 * (lib/domain/fixtures/managed/README.md).
 */
function gkeMemoryMi(memoryBytes: bigint): number {
  const mib = Number(memoryBytes / (1024n * 1024n));
  if (mib <= 1000) return 255;
  const brackets: Array<[number, number]> = [
    [0, 0.25],
    [4000, 0.2],
    [8000, 0.1],
    [16000, 0.06],
    [128000, 0.02],
  ];
  let reserved = 0;
  brackets.forEach(([from, rate], i) => {
    const to = brackets[i + 1]?.[0] ?? Infinity;
    if (mib > from) reserved += (Math.min(mib, to) - from) * rate;
  });
  return Math.trunc(reserved);
}

/** kubelet flags ACK passes on the command line (ACK "configured mostly by flags"), as config fields. */
function ackFlags(): Record<string, unknown> {
  return {
    readOnlyPort: 0,
    rotateCertificates: true,
    serverTLSBootstrap: true,
    authentication: { x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' }, anonymous: { enabled: false } },
    clusterDNS: ['192.168.0.10'],
    clusterDomain: 'cluster.local',
    cgroupDriver: 'systemd',
    maxPods: 23,
    podPidsLimit: 16384,
    kubeReserved: { memory: '400Mi', pid: '1000' },
    systemReserved: { memory: '300Mi', pid: '1000' },
    evictionHard: {
      'imagefs.available': '15%',
      'memory.available': '300Mi',
      'nodefs.available': '10%',
      'nodefs.inodesFree': '5%',
    },
    containerRuntimeEndpoint: 'unix:///var/run/containerd/containerd.sock',
    tlsCipherSuites: [
      'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    ],
    staticPodPath: '/etc/kubernetes/manifests',
  };
}

/** easzlab/kubeasz roles/kube-node/templates/kubelet-config.yaml.j2 (v3.x), KUBE_RESERVED_ENABLED=yes. */
function kubeaszFile(sysReserved: boolean): Record<string, unknown> {
  return {
    address: '0.0.0.0',
    authentication: {
      anonymous: { enabled: false },
      webhook: { cacheTTL: '2m0s', enabled: true },
      x509: { clientCAFile: '/etc/kubernetes/ssl/ca.pem' },
    },
    authorization: { mode: 'Webhook', webhook: { cacheAuthorizedTTL: '5m0s', cacheUnauthorizedTTL: '30s' } },
    cgroupDriver: 'cgroupfs',
    cgroupsPerQOS: true,
    // ENABLE_LOCAL_DNS_CACHE defaults to true: pods resolve through node-local-dns
    clusterDNS: ['169.254.20.10'],
    clusterDomain: 'cluster.local',
    containerLogMaxFiles: 3,
    containerLogMaxSize: '10Mi',
    enforceNodeAllocatable: sysReserved ? ['pods', 'kube-reserved', 'system-reserved'] : ['pods', 'kube-reserved'],
    eventBurst: 10,
    eventRecordQPS: 5,
    evictionHard: {
      'imagefs.available': '15%',
      'memory.available': '300Mi',
      'nodefs.available': '10%',
      'nodefs.inodesFree': '5%',
    },
    fileCheckFrequency: '40s',
    hairpinMode: 'hairpin-veth',
    healthzBindAddress: '0.0.0.0',
    httpCheckFrequency: '40s',
    kubeReservedCgroup: '/podruntime.slice',
    kubeReserved: { memory: '400Mi' },
    ...(sysReserved ? { systemReservedCgroup: '/system.slice', systemReserved: { memory: '1000Mi' } } : {}),
    maxPods: 110,
    nodeStatusReportFrequency: '1m0s',
    readOnlyPort: 0,
    resolvConf: '/run/systemd/resolve/resolv.conf',
    tlsCertFile: '/etc/kubernetes/ssl/kubelet.pem',
    tlsPrivateKeyFile: '/etc/kubernetes/ssl/kubelet-key.pem',
    containerRuntimeEndpoint: 'unix:///run/containerd/containerd.sock',
  };
}

/** EKS AL2023 nodeadm kubelet config (awslabs/amazon-eks-ami nodeadm defaults). */
function eksFile(input: ProfileInput): Record<string, unknown> {
  const maxPods = input.maxPods ?? 29;
  return {
    address: '0.0.0.0',
    authentication: {
      anonymous: { enabled: false },
      webhook: { cacheTTL: '2m0s', enabled: true },
      x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' },
    },
    authorization: { mode: 'Webhook', webhook: { cacheAuthorizedTTL: '5m0s', cacheUnauthorizedTTL: '30s' } },
    cgroupDriver: 'systemd',
    cgroupRoot: '/',
    clusterDNS: ['172.20.0.10'],
    clusterDomain: 'cluster.local',
    containerRuntimeEndpoint: 'unix:///run/containerd/containerd.sock',
    evictionHard: { 'memory.available': '100Mi', 'nodefs.available': '10%', 'nodefs.inodesFree': '5%' },
    featureGates: { RotateKubeletServerCertificate: true },
    hairpinMode: 'hairpin-veth',
    kubeAPIBurst: 20,
    kubeAPIQPS: 10,
    kubeReserved: {
      cpu: `${tieredCpuMillis(input.cpuCores)}m`,
      'ephemeral-storage': '1Gi',
      // 11 MiB per pod + 255 MiB
      memory: `${11 * maxPods + 255}Mi`,
    },
    kubeReservedCgroup: '/runtime',
    systemReservedCgroup: '/system',
    logging: { verbosity: 2 },
    maxPods,
    protectKernelDefaults: true,
    providerID: input.providerID,
    readOnlyPort: 0,
    serializeImagePulls: false,
    serverTLSBootstrap: true,
    tlsCipherSuites: [
      'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
      'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
      'TLS_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_RSA_WITH_AES_128_GCM_SHA256',
    ],
  };
}

/** GKE (COS) /home/kubernetes/kubelet-config.yaml, reservations from GKE's "plan node sizes" tiers. */
function gkeFile(input: ProfileInput): Record<string, unknown> {
  return {
    authentication: {
      anonymous: { enabled: false },
      webhook: { enabled: true },
      x509: { clientCAFile: '/etc/srv/kubernetes/pki/ca-certificates.crt' },
    },
    authorization: { mode: 'Webhook' },
    cgroupRoot: '/',
    cgroupDriver: 'systemd',
    clusterDNS: ['34.118.224.10'],
    clusterDomain: 'cluster.local',
    enableDebuggingHandlers: true,
    evictionHard: {
      'memory.available': '100Mi',
      'nodefs.available': '10%',
      'nodefs.inodesFree': '5%',
      'pid.available': '10%',
    },
    evictionSoft: {
      'memory.available': '200Mi',
      'nodefs.available': '15%',
      'nodefs.inodesFree': '10%',
      'imagefs.available': '20%',
      'imagefs.inodesFree': '10%',
    },
    evictionSoftGracePeriod: {
      'memory.available': '30s',
      'nodefs.available': '2m0s',
      'nodefs.inodesFree': '2m0s',
      'imagefs.available': '2m0s',
      'imagefs.inodesFree': '2m0s',
    },
    evictionMaxPodGracePeriod: 60,
    featureGates: { RotateKubeletServerCertificate: true, ExecProbeTimeout: false },
    kernelMemcgNotification: true,
    kubeReserved: {
      cpu: `${tieredCpuMillis(input.cpuCores)}m`,
      'ephemeral-storage': '41Gi',
      memory: `${gkeMemoryMi(input.memoryBytes)}Mi`,
    },
    maxPods: 110,
    providerID: input.providerID,
    readOnlyPort: 10255,
    serverTLSBootstrap: true,
    staticPodPath: '/etc/kubernetes/manifests',
    shutdownGracePeriod: '30s',
    shutdownGracePeriodCriticalPods: '15s',
    containerRuntimeEndpoint: 'unix:///run/containerd/containerd.sock',
  };
}

/** CIS Kubernetes Benchmark 1.12 4.2.12's cipher allow-list (kube-bench cfg/cis-1.12/node.yaml). */
const CIS_CIPHERS = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
];

/**
 * A kubeadm worker pool hardened to CIS 1.12 §4.2 and the DISA STIG's kubelet rules (what hardening playbooks
 * such as the CIS/STIG roles of kubespray or ansible-kubernetes write): kubeadm's config with the read-only
 * port off, kernel defaults protected, a PID limit, seccomp by default, a 5m streaming idle timeout, the CIS
 * cipher list, and no staticPodPath on workers (STIG V-242397). The serving certificate still comes from
 * serverTLSBootstrap, which CIS 4.2.9 accepts and the STIG's tlsCertFile rules do not.
 */
function kubeadmHardenedFile(): Record<string, unknown> {
  const { staticPodPath: _staticPods, ...kubeadm } = kubeadmKubeletConfig();
  return {
    ...kubeadm,
    containerRuntimeEndpoint: 'unix:///var/run/containerd/containerd.sock',
    readOnlyPort: 0,
    protectKernelDefaults: true,
    podPidsLimit: 4096,
    seccompDefault: true,
    streamingConnectionIdleTimeout: '5m0s',
    tlsCipherSuites: CIS_CIPHERS,
    featureGates: { RotateKubeletServerCertificate: true },
  };
}

/**
 * A kubelet from an old binary-install guide, started with flags only (no --config): it keeps the kubelet's
 * *flag* defaults, which are not the config file's (cmd/kubelet/app/options/options.go applyLegacyDefaults):
 * anonymous auth on, token webhook off, authorization AlwaysAllow, read-only port 10255. No client CA, no
 * certificate rotation; the serving certificate is the self-signed pair the kubelet writes under --cert-dir.
 */
function legacyFlags(): Record<string, unknown> {
  return {
    authentication: { anonymous: { enabled: true }, webhook: { enabled: false } },
    authorization: { mode: 'AlwaysAllow' },
    readOnlyPort: 10255,
    tlsCertFile: '/var/lib/kubelet/pki/kubelet.crt',
    tlsPrivateKeyFile: '/var/lib/kubelet/pki/kubelet.key',
    staticPodPath: '/etc/kubernetes/manifests',
    clusterDNS: ['10.254.0.2'],
    clusterDomain: 'cluster.local',
    cgroupDriver: 'cgroupfs',
    hairpinMode: 'hairpin-veth',
    containerRuntimeEndpoint: 'unix:///run/containerd/containerd.sock',
  };
}

/** The profile's own layer (config file and/or flags) before node-local drift. */
function profileLayer(input: ProfileInput): Record<string, unknown> {
  switch (input.profile) {
    case 'kubeadm':
      // ConfigMap → /var/lib/kubelet/config.yaml; then kubeadm-flags.env sets the CRI socket by flag.
      return { ...kubeadmKubeletConfig(), containerRuntimeEndpoint: 'unix:///var/run/containerd/containerd.sock' };
    case 'kubeadm-hardened':
      return kubeadmHardenedFile();
    case 'managed-ack':
      return ackFlags();
    case 'binary-legacy':
      return legacyFlags();
    case 'binary-kubeasz':
      return kubeaszFile(input.systemReservedEnabled ?? false);
    case 'eks':
      return eksFile(input);
    case 'gke':
      return gkeFile(input);
  }
}

/** Effective configz for a node: version defaults ← profile layer ← node-local drift. */
export function effectiveConfig(input: ProfileInput): KubeletConfig {
  const base = kubeletDefaults(input.minor);
  const withProfile = applyConfig(base, profileLayer(input), input.minor);
  return input.local ? applyConfig(withProfile, input.local, input.minor) : withProfile;
}

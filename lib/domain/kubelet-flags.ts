/**
 * Kubelet command-line flags ↔ KubeletConfiguration fields, with deprecation and removal.
 *
 * Sources: kubernetes/kubernetes `cmd/kubelet/app/options/options.go` (`KubeletFlags.AddFlags` for flags with no
 * config field, `AddKubeletConfigFlags` for flags that write a config field), `pkg/kubelet/config/flags.go`
 * (ContainerRuntimeOptions), component-base `logs/api/v1` AddFlags (logging flags), and for removals the
 * Kubernetes CHANGELOG-1.x notes and PRs (e.g. kubernetes/kubernetes#106907: the dockershim flags, gone in 1.24;
 * #112120: the klog flags, gone in 1.26; #114017: --container-runtime, gone in 1.27).
 * Every flag in `AddKubeletConfigFlags` is deprecated in favour of the --config file except v, vmodule,
 * log-flush-frequency and provider-id; a flag still overrides the file, which is why configz (the merged
 * result) is the truth.
 */

export interface KubeletFlag {
  /** without leading dashes */
  name: string;
  /** KubeletConfiguration path the flag writes; null for flags with no config field */
  field: string | null;
  /** 'config-file': deprecated because the config file should be used; a number: deprecated since 1.<n> */
  deprecatedSince?: number | 'config-file';
  /** the kubelet refuses the flag from this minor on */
  removedIn?: number;
  /** exists only from this minor */
  addedIn?: number;
  note?: string;
}

/** Flags that keep working without a deprecation warning although they write a config field. */
const NOT_DEPRECATED = new Set(['v', 'vmodule', 'log-flush-frequency', 'provider-id']);

/** [flag, field] in AddKubeletConfigFlags order. */
const CONFIG_FLAGS: ReadonlyArray<readonly [string, string, Partial<KubeletFlag>?]> = [
  ['enable-server', 'enableServer'],
  ['fail-swap-on', 'failSwapOn'],
  ['pod-manifest-path', 'staticPodPath'],
  ['sync-frequency', 'syncFrequency'],
  ['file-check-frequency', 'fileCheckFrequency'],
  ['http-check-frequency', 'httpCheckFrequency'],
  ['manifest-url', 'staticPodURL'],
  ['manifest-url-header', 'staticPodURLHeader'],
  ['address', 'address'],
  ['port', 'port'],
  ['read-only-port', 'readOnlyPort'],
  [
    'container-runtime-endpoint',
    'containerRuntimeEndpoint',
    { note: 'a KubeletFlags flag (no config field) before 1.27' },
  ],
  ['image-service-endpoint', 'imageServiceEndpoint', { note: 'a KubeletFlags flag (no config field) before 1.27' }],
  ['anonymous-auth', 'authentication.anonymous.enabled'],
  ['authentication-token-webhook', 'authentication.webhook.enabled'],
  ['authentication-token-webhook-cache-ttl', 'authentication.webhook.cacheTTL'],
  ['client-ca-file', 'authentication.x509.clientCAFile'],
  ['authorization-mode', 'authorization.mode'],
  ['authorization-webhook-cache-authorized-ttl', 'authorization.webhook.cacheAuthorizedTTL'],
  ['authorization-webhook-cache-unauthorized-ttl', 'authorization.webhook.cacheUnauthorizedTTL'],
  ['tls-cert-file', 'tlsCertFile'],
  ['tls-private-key-file', 'tlsPrivateKeyFile'],
  ['rotate-server-certificates', 'serverTLSBootstrap'],
  ['tls-cipher-suites', 'tlsCipherSuites'],
  ['tls-min-version', 'tlsMinVersion'],
  ['rotate-certificates', 'rotateCertificates'],
  ['registry-qps', 'registryPullQPS'],
  ['registry-burst', 'registryBurst'],
  ['event-qps', 'eventRecordQPS'],
  ['event-burst', 'eventBurst'],
  ['enable-debugging-handlers', 'enableDebuggingHandlers'],
  ['contention-profiling', 'enableContentionProfiling'],
  ['healthz-port', 'healthzPort'],
  ['healthz-bind-address', 'healthzBindAddress'],
  ['oom-score-adj', 'oomScoreAdj'],
  ['cluster-domain', 'clusterDomain'],
  ['volume-plugin-dir', 'volumePluginDir'],
  ['cluster-dns', 'clusterDNS'],
  ['streaming-connection-idle-timeout', 'streamingConnectionIdleTimeout'],
  ['node-status-update-frequency', 'nodeStatusUpdateFrequency'],
  ['minimum-image-ttl-duration', 'imageMinimumGCAge'],
  ['image-gc-high-threshold', 'imageGCHighThresholdPercent'],
  ['image-gc-low-threshold', 'imageGCLowThresholdPercent'],
  ['volume-stats-agg-period', 'volumeStatsAggPeriod'],
  ['feature-gates', 'featureGates'],
  ['kubelet-cgroups', 'kubeletCgroups'],
  ['system-cgroups', 'systemCgroups'],
  ['provider-id', 'providerID'],
  ['cgroups-per-qos', 'cgroupsPerQOS'],
  ['cgroup-driver', 'cgroupDriver'],
  ['cgroup-root', 'cgroupRoot'],
  ['cpu-manager-policy', 'cpuManagerPolicy'],
  ['cpu-manager-policy-options', 'cpuManagerPolicyOptions', { addedIn: 22 }],
  ['cpu-manager-reconcile-period', 'cpuManagerReconcilePeriod'],
  ['qos-reserved', 'qosReserved'],
  ['topology-manager-policy', 'topologyManagerPolicy'],
  ['runtime-request-timeout', 'runtimeRequestTimeout'],
  ['hairpin-mode', 'hairpinMode'],
  ['max-pods', 'maxPods'],
  ['pod-cidr', 'podCIDR'],
  ['pod-max-pids', 'podPidsLimit'],
  ['resolv-conf', 'resolvConf'],
  ['runonce', 'runOnce'],
  ['cpu-cfs-quota', 'cpuCFSQuota'],
  ['cpu-cfs-quota-period', 'cpuCFSQuotaPeriod'],
  ['enable-controller-attach-detach', 'enableControllerAttachDetach'],
  ['make-iptables-util-chains', 'makeIPTablesUtilChains'],
  ['iptables-masquerade-bit', 'iptablesMasqueradeBit', { note: 'has no effect: kube-proxy owns KUBE-MARK-MASQ' }],
  ['iptables-drop-bit', 'iptablesDropBit', { note: 'has no effect: the kubelet no longer creates KUBE-MARK-DROP' }],
  ['container-log-max-size', 'containerLogMaxSize'],
  ['container-log-max-files', 'containerLogMaxFiles'],
  ['allowed-unsafe-sysctls', 'allowedUnsafeSysctls'],
  ['node-status-max-images', 'nodeStatusMaxImages'],
  ['kernel-memcg-notification', 'kernelMemcgNotification'],
  ['local-storage-capacity-isolation', 'localStorageCapacityIsolation', { addedIn: 25 }],
  ['max-open-files', 'maxOpenFiles'],
  ['kube-api-content-type', 'contentType'],
  ['kube-api-qps', 'kubeAPIQPS'],
  ['kube-api-burst', 'kubeAPIBurst'],
  ['serialize-image-pulls', 'serializeImagePulls'],
  ['eviction-hard', 'evictionHard', { note: 'map written as memory.available<100Mi,nodefs.available<10%' }],
  ['eviction-soft', 'evictionSoft'],
  ['eviction-soft-grace-period', 'evictionSoftGracePeriod'],
  ['eviction-pressure-transition-period', 'evictionPressureTransitionPeriod'],
  ['eviction-max-pod-grace-period', 'evictionMaxPodGracePeriod'],
  ['eviction-minimum-reclaim', 'evictionMinimumReclaim'],
  ['pods-per-core', 'podsPerCore'],
  ['protect-kernel-defaults', 'protectKernelDefaults'],
  ['reserved-cpus', 'reservedSystemCPUs'],
  ['topology-manager-scope', 'topologyManagerScope'],
  ['topology-manager-policy-options', 'topologyManagerPolicyOptions', { addedIn: 26 }],
  ['system-reserved', 'systemReserved'],
  ['kube-reserved', 'kubeReserved'],
  ['enforce-node-allocatable', 'enforceNodeAllocatable'],
  ['system-reserved-cgroup', 'systemReservedCgroup'],
  ['kube-reserved-cgroup', 'kubeReservedCgroup'],
  ['memory-manager-policy', 'memoryManagerPolicy', { addedIn: 21 }],
  ['reserved-memory', 'reservedMemory', { addedIn: 21 }],
  ['register-node', 'registerNode'],
  ['register-with-taints', 'registerWithTaints'],
  ['seccomp-default', 'seccompDefault', { addedIn: 22 }],
  // component-base logs/api/v1 AddFlags
  ['logging-format', 'logging.format'],
  ['log-flush-frequency', 'logging.flushFrequency'],
  ['v', 'logging.verbosity'],
  ['vmodule', 'logging.vmodule'],
  ['log-json-split-stream', 'logging.options.json.splitStream'],
  ['log-json-info-buffer-size', 'logging.options.json.infoBufferSize'],
  ['log-text-split-stream', 'logging.options.text.splitStream', { addedIn: 29 }],
  ['log-text-info-buffer-size', 'logging.options.text.infoBufferSize', { addedIn: 29 }],
];

/** Flags with no KubeletConfiguration field (KubeletFlags, ContainerRuntimeOptions, OS flags) and removed ones. */
const FLAG_ONLY: readonly KubeletFlag[] = [
  { name: 'config', field: null, note: 'path of the KubeletConfiguration file' },
  { name: 'config-dir', field: null, addedIn: 28, note: 'drop-in directory merged over --config' },
  { name: 'kubeconfig', field: null },
  { name: 'bootstrap-kubeconfig', field: null },
  { name: 'hostname-override', field: null },
  { name: 'node-ip', field: null },
  { name: 'cert-dir', field: null },
  {
    name: 'cloud-provider',
    field: null,
    note: 'only "" or "external" are meaningful since in-tree providers were removed (1.31)',
  },
  { name: 'root-dir', field: null },
  { name: 'node-labels', field: null },
  { name: 'lock-file', field: null },
  { name: 'exit-on-lock-contention', field: null },
  { name: 'image-credential-provider-config', field: null },
  { name: 'image-credential-provider-bin-dir', field: null },
  { name: 'windows-service', field: null, note: 'Windows builds only' },
  { name: 'windows-priorityclass', field: null, note: 'Windows builds only' },
  {
    name: 'minimum-container-ttl-duration',
    field: null,
    deprecatedSince: 'config-file',
    note: 'use eviction settings instead',
  },
  {
    name: 'maximum-dead-containers-per-container',
    field: null,
    deprecatedSince: 'config-file',
    note: 'use eviction settings instead',
  },
  {
    name: 'maximum-dead-containers',
    field: null,
    deprecatedSince: 'config-file',
    note: 'use eviction settings instead',
  },
  { name: 'register-schedulable', field: null, deprecatedSince: 'config-file', note: 'use registerWithTaints' },
  { name: 'experimental-mounter-path', field: null, deprecatedSince: 19 },
  { name: 'experimental-check-node-capabilities-before-mount', field: null, deprecatedSince: 19 },
  { name: 'cloud-config', field: null, deprecatedSince: 'config-file' },
  {
    name: 'experimental-allocatable-ignore-eviction',
    field: null,
    deprecatedSince: 'config-file',
    note: 'leaves hard eviction thresholds out of Allocatable',
  },
  { name: 'seccomp-profile-root', field: null, deprecatedSince: 19 },
  {
    name: 'keep-terminated-pod-volumes',
    field: null,
    deprecatedSince: 8,
    removedIn: 30,
    note: 'removal release not pinned exactly (PR #122082)',
  },
  {
    name: 'azure-container-registry-config',
    field: null,
    deprecatedSince: 28,
    removedIn: 30,
    note: 'use a credential provider plugin; removal release approximate',
  },
  {
    name: 'pod-infra-container-image',
    field: null,
    deprecatedSince: 24,
    removedIn: 35,
    note: 'the CRI runtime owns the sandbox image',
  },
  { name: 'container-runtime', field: null, deprecatedSince: 24, removedIn: 27 },
  { name: 'dynamic-config-dir', field: null, deprecatedSince: 22, removedIn: 24, note: 'DynamicKubeletConfig removed' },
  ...[
    'network-plugin',
    'cni-conf-dir',
    'cni-bin-dir',
    'cni-cache-dir',
    'network-plugin-mtu',
    'docker-endpoint',
    'image-pull-progress-deadline',
    'experimental-dockershim-root-directory',
  ].map((name): KubeletFlag => ({ name, field: null, deprecatedSince: 20, removedIn: 24, note: 'dockershim removed' })),
  ...[
    'log-dir',
    'log-file',
    'log-file-max-size',
    'logtostderr',
    'alsologtostderr',
    'one-output',
    'stderrthreshold',
    'skip-headers',
    'skip-log-headers',
    'add-dir-header',
    'log-backtrace-at',
  ].map((name): KubeletFlag => ({
    name,
    field: null,
    deprecatedSince: 23,
    removedIn: 26,
    note: 'klog flags removed (PR #112120)',
  })),
  { name: 'containerized', field: null, deprecatedSince: 14, removedIn: 16 },
  { name: 'allow-privileged', field: null, removedIn: 15 },
  { name: 'cadvisor-port', field: null, deprecatedSince: 10, removedIn: 12 },
];

/** Every known kubelet flag. */
export const KUBELET_FLAGS: readonly KubeletFlag[] = [
  ...CONFIG_FLAGS.map(([name, field, extra]): KubeletFlag => ({
    name,
    field,
    ...(NOT_DEPRECATED.has(name) ? {} : { deprecatedSince: 'config-file' as const }),
    ...extra,
  })),
  ...FLAG_ONLY,
];

const BY_NAME = new Map(KUBELET_FLAGS.map((f) => [f.name, f]));
const BY_FIELD = new Map(KUBELET_FLAGS.filter((f) => f.field).map((f) => [f.field as string, f]));

/**
 * The flag for a flag name, with or without leading dashes.
 * @internal exported for its unit tests
 */
export const kubeletFlag = (name: string): KubeletFlag | undefined => BY_NAME.get(name.replace(/^-+/, ''));

/** The flag that writes a config field, if any (fields added after ~1.20 are config-file only). */
export const flagForField = (path: string): KubeletFlag | undefined => BY_FIELD.get(path);

export type FlagState = 'current' | 'deprecated' | 'removed' | 'not-yet' | 'unknown';

/** State of a flag for a kubelet of the given minor. */
export function flagStateAt(name: string, minor: number): FlagState {
  const f = kubeletFlag(name);
  if (!f) return 'unknown';
  if (f.addedIn !== undefined && minor < f.addedIn) return 'not-yet';
  if (f.removedIn !== undefined && minor >= f.removedIn) return 'removed';
  if (f.deprecatedSince === 'config-file') return 'deprecated';
  if (typeof f.deprecatedSince === 'number' && minor >= f.deprecatedSince) return 'deprecated';
  return 'current';
}

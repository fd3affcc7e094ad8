/**
 * Kubelet command-line flags and the KubeletConfiguration (kubelet.config.k8s.io/v1beta1) fields they set.
 *
 * Source: kubernetes/kubernetes `cmd/kubelet/app/options/options.go`, read at a v1.28–v1.30-era revision
 * (it has `--config-dir` and no `--container-runtime`). `AddKubeletConfigFlags` binds each flag below to a
 * field of the config struct; the kubelet then re-applies the command line on top of the loaded config file
 * (`kubeletConfigFlagPrecedence` in cmd/kubelet/app/server.go), which is why a flag beats the file.
 * Every flag bound there is marked deprecated ("should be set via the config file specified by --config")
 * except `-v`, `--vmodule`, `--log-flush-frequency` and `--provider-id`.
 * The logging flags come from component-base `logs/api/v1` (`logsapi.AddFlags`).
 *
 * TODO(issue 10): replace with lib/domain/kubelet-flags.ts once the node-detail table lands.
 */

/** How pflag/cliflag parses a flag's value, which also decides what repeating the flag does. */
export type FlagValueKind =
  /** `--x`, `--x=true|false`; never consumes the next word */
  | 'bool'
  | 'string'
  | 'int'
  | 'float'
  /** Go duration ("1m", "90s"); configz prints Duration.String() */
  | 'duration'
  /** pflag StringSlice: comma-split; the first use replaces the file value, later uses append */
  | 'stringSlice'
  /** cliflag.MapStringString `k=v,k=v`: the first use replaces the file map, later uses merge */
  | 'mapStringString'
  /** cliflag.MapStringStringNoSplit: one `k=v` per use, no comma splitting */
  | 'mapStringStringNoSplit'
  /** cliflag.LangleSeparatedMapStringString `signal<quantity,…` (eviction thresholds) */
  | 'langleMap'
  /** cliflag.MapStringBool `Gate=true,…`: feature gates, merged key by key with the file's gates */
  | 'mapStringBool'
  /** cliflag.ColonSeparatedMultimapStringString `Header:value,…`; every use appends */
  | 'colonMultimap'
  /** `--reserved-memory 0:memory=1Gi,hugepages-1Gi=2Gi`; every use appends a NUMA node */
  | 'reservedMemory'
  /** `--register-with-taints key=value:Effect,…` */
  | 'taints'
  /** `--vmodule pattern=N,…` */
  | 'vmodule';

export interface ConfigFlag {
  /** without leading dashes */
  readonly flag: string;
  /** dotted KubeletConfiguration path (JSON names) */
  readonly field: string;
  readonly kind: FlagValueKind;
  /** shorthand (`-v`) */
  readonly short?: string;
  /** true for the four flags upstream leaves undeprecated */
  readonly notDeprecated?: true;
  /** extra deprecation beyond "set it in the config file" */
  readonly note?: string;
  /** first minor release in which the flag maps to this field (absent = long before 1.24) */
  readonly fieldSince?: number;
}

const f = (
  flag: string,
  field: string,
  kind: FlagValueKind,
  extra: Partial<Omit<ConfigFlag, 'flag' | 'field' | 'kind'>> = {},
): ConfigFlag => ({ flag, field, kind, ...extra });

/** Every flag bound by AddKubeletConfigFlags (+ logsapi.AddFlags), in upstream order. */
export const CONFIG_FLAGS: readonly ConfigFlag[] = [
  f('enable-server', 'enableServer', 'bool'),
  f('fail-swap-on', 'failSwapOn', 'bool'),
  f('pod-manifest-path', 'staticPodPath', 'string'),
  f('sync-frequency', 'syncFrequency', 'duration'),
  f('file-check-frequency', 'fileCheckFrequency', 'duration'),
  f('http-check-frequency', 'httpCheckFrequency', 'duration'),
  f('manifest-url', 'staticPodURL', 'string'),
  f('manifest-url-header', 'staticPodURLHeader', 'colonMultimap'),
  f('address', 'address', 'string'),
  f('port', 'port', 'int'),
  f('read-only-port', 'readOnlyPort', 'int'),
  f('container-runtime-endpoint', 'containerRuntimeEndpoint', 'string', { fieldSince: 27 }),
  f('image-service-endpoint', 'imageServiceEndpoint', 'string', { fieldSince: 27 }),
  f('anonymous-auth', 'authentication.anonymous.enabled', 'bool'),
  f('authentication-token-webhook', 'authentication.webhook.enabled', 'bool'),
  f('authentication-token-webhook-cache-ttl', 'authentication.webhook.cacheTTL', 'duration'),
  f('client-ca-file', 'authentication.x509.clientCAFile', 'string'),
  f('authorization-mode', 'authorization.mode', 'string'),
  f('authorization-webhook-cache-authorized-ttl', 'authorization.webhook.cacheAuthorizedTTL', 'duration'),
  f('authorization-webhook-cache-unauthorized-ttl', 'authorization.webhook.cacheUnauthorizedTTL', 'duration'),
  f('tls-cert-file', 'tlsCertFile', 'string'),
  f('tls-private-key-file', 'tlsPrivateKeyFile', 'string'),
  f('rotate-server-certificates', 'serverTLSBootstrap', 'bool'),
  f('tls-cipher-suites', 'tlsCipherSuites', 'stringSlice'),
  f('tls-min-version', 'tlsMinVersion', 'string'),
  f('rotate-certificates', 'rotateCertificates', 'bool'),
  f('registry-qps', 'registryPullQPS', 'int'),
  f('registry-burst', 'registryBurst', 'int'),
  f('event-qps', 'eventRecordQPS', 'int'),
  f('event-burst', 'eventBurst', 'int'),
  f('enable-debugging-handlers', 'enableDebuggingHandlers', 'bool'),
  f('contention-profiling', 'enableContentionProfiling', 'bool'),
  f('healthz-port', 'healthzPort', 'int'),
  f('healthz-bind-address', 'healthzBindAddress', 'string'),
  f('oom-score-adj', 'oomScoreAdj', 'int'),
  f('cluster-domain', 'clusterDomain', 'string'),
  f('volume-plugin-dir', 'volumePluginDir', 'string'),
  f('cluster-dns', 'clusterDNS', 'stringSlice'),
  f('streaming-connection-idle-timeout', 'streamingConnectionIdleTimeout', 'duration'),
  f('node-status-update-frequency', 'nodeStatusUpdateFrequency', 'duration'),
  f('minimum-image-ttl-duration', 'imageMinimumGCAge', 'duration'),
  f('image-gc-high-threshold', 'imageGCHighThresholdPercent', 'int'),
  f('image-gc-low-threshold', 'imageGCLowThresholdPercent', 'int'),
  f('volume-stats-agg-period', 'volumeStatsAggPeriod', 'duration'),
  f('feature-gates', 'featureGates', 'mapStringBool'),
  f('kubelet-cgroups', 'kubeletCgroups', 'string'),
  f('system-cgroups', 'systemCgroups', 'string'),
  f('provider-id', 'providerID', 'string', { notDeprecated: true }),
  f('cgroups-per-qos', 'cgroupsPerQOS', 'bool'),
  f('cgroup-driver', 'cgroupDriver', 'string'),
  f('cgroup-root', 'cgroupRoot', 'string'),
  f('cpu-manager-policy', 'cpuManagerPolicy', 'string'),
  f('cpu-manager-policy-options', 'cpuManagerPolicyOptions', 'mapStringStringNoSplit'),
  f('cpu-manager-reconcile-period', 'cpuManagerReconcilePeriod', 'duration'),
  f('qos-reserved', 'qosReserved', 'mapStringString'),
  f('topology-manager-policy', 'topologyManagerPolicy', 'string'),
  f('runtime-request-timeout', 'runtimeRequestTimeout', 'duration'),
  f('hairpin-mode', 'hairpinMode', 'string'),
  f('max-pods', 'maxPods', 'int'),
  f('pod-cidr', 'podCIDR', 'string'),
  f('pod-max-pids', 'podPidsLimit', 'int'),
  f('resolv-conf', 'resolvConf', 'string'),
  f('runonce', 'runOnce', 'bool'),
  f('cpu-cfs-quota', 'cpuCFSQuota', 'bool'),
  f('cpu-cfs-quota-period', 'cpuCFSQuotaPeriod', 'duration'),
  f('enable-controller-attach-detach', 'enableControllerAttachDetach', 'bool'),
  f('make-iptables-util-chains', 'makeIPTablesUtilChains', 'bool'),
  f('iptables-masquerade-bit', 'iptablesMasqueradeBit', 'int', { note: 'has no effect (kube-proxy owns KUBE-MARK-MASQ)' }),
  f('iptables-drop-bit', 'iptablesDropBit', 'int', { note: 'has no effect (the kubelet no longer creates KUBE-MARK-DROP)' }),
  f('container-log-max-size', 'containerLogMaxSize', 'string'),
  f('container-log-max-files', 'containerLogMaxFiles', 'int'),
  f('allowed-unsafe-sysctls', 'allowedUnsafeSysctls', 'stringSlice'),
  f('node-status-max-images', 'nodeStatusMaxImages', 'int'),
  f('kernel-memcg-notification', 'kernelMemcgNotification', 'bool'),
  f('local-storage-capacity-isolation', 'localStorageCapacityIsolation', 'bool'),
  f('max-open-files', 'maxOpenFiles', 'int'),
  f('kube-api-content-type', 'contentType', 'string'),
  f('kube-api-qps', 'kubeAPIQPS', 'int'),
  f('kube-api-burst', 'kubeAPIBurst', 'int'),
  f('serialize-image-pulls', 'serializeImagePulls', 'bool'),
  f('eviction-hard', 'evictionHard', 'langleMap'),
  f('eviction-soft', 'evictionSoft', 'langleMap'),
  f('eviction-soft-grace-period', 'evictionSoftGracePeriod', 'mapStringString'),
  f('eviction-pressure-transition-period', 'evictionPressureTransitionPeriod', 'duration'),
  f('eviction-max-pod-grace-period', 'evictionMaxPodGracePeriod', 'int'),
  f('eviction-minimum-reclaim', 'evictionMinimumReclaim', 'mapStringString'),
  f('pods-per-core', 'podsPerCore', 'int'),
  f('protect-kernel-defaults', 'protectKernelDefaults', 'bool'),
  f('reserved-cpus', 'reservedSystemCPUs', 'string'),
  f('topology-manager-scope', 'topologyManagerScope', 'string'),
  f('topology-manager-policy-options', 'topologyManagerPolicyOptions', 'mapStringStringNoSplit'),
  f('system-reserved', 'systemReserved', 'mapStringString'),
  f('kube-reserved', 'kubeReserved', 'mapStringString'),
  f('enforce-node-allocatable', 'enforceNodeAllocatable', 'stringSlice'),
  f('system-reserved-cgroup', 'systemReservedCgroup', 'string'),
  f('kube-reserved-cgroup', 'kubeReservedCgroup', 'string'),
  // component-base logs/api/v1 AddFlags
  f('logging-format', 'logging.format', 'string'),
  f('log-flush-frequency', 'logging.flushFrequency', 'duration', { notDeprecated: true }),
  f('v', 'logging.verbosity', 'int', { notDeprecated: true, short: 'v' }),
  f('vmodule', 'logging.vmodule', 'vmodule', { notDeprecated: true }),
  f('log-json-split-stream', 'logging.options.json.splitStream', 'bool'),
  f('log-json-info-buffer-size', 'logging.options.json.infoBufferSize', 'string'),
  f('log-text-split-stream', 'logging.options.text.splitStream', 'bool', { fieldSince: 28 }),
  f('log-text-info-buffer-size', 'logging.options.text.infoBufferSize', 'string', { fieldSince: 28 }),
  f('memory-manager-policy', 'memoryManagerPolicy', 'string'),
  f('reserved-memory', 'reservedMemory', 'reservedMemory'),
  f('register-node', 'registerNode', 'bool'),
  f('register-with-taints', 'registerWithTaints', 'taints'),
  // Declared on KubeletFlags in the revision read, folded into the config's seccompDefault by the kubelet.
  f('seccomp-default', 'seccompDefault', 'bool'),
];

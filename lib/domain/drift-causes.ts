import type { ConfigPath } from './config-flatten';

/**
 * Why a node's effective kubelet config differs from kubeadm's kube-system/kubelet-config ConfigMap.
 *
 * How kubeadm configures a kubelet (kubernetes.io/docs/setup/production-environment/tools/kubeadm/kubelet-integration/):
 * `kubeadm init/join` downloads the ConfigMap into /var/lib/kubelet/config.yaml once; per-node flags go to
 * /var/lib/kubelet/kubeadm-flags.env as KUBELET_KUBEADM_ARGS (from nodeRegistration.kubeletExtraArgs, plus
 * kubeadm's own such as --node-ip, --hostname-override, and --container-runtime-endpoint before v1.27);
 * users add KUBELET_EXTRA_ARGS in /etc/default/kubelet (DEB) or /etc/sysconfig/kubelet (RPM). The systemd
 * drop-in 10-kubeadm.conf passes both on the command line, and a command-line flag overrides the config file.
 * Since v1.28 (beta, on by default from v1.30) the kubelet also merges drop-in files from --config-dir
 * (kubernetes.io/docs/tasks/administer-cluster/kubelet-config-file/), which override config.yaml.
 *
 * Flag names: cmd/kubelet/app/options/options.go (AddKubeletConfigFlags); most are deprecated in favour
 * of the config file but still honoured.
 *
 * TODO(issue 6): read these from lib/domain/kubelet-flags.ts once the node detail work lands.
 */
const FLAG_BY_FIELD: Record<string, string> = {
  staticPodPath: '--pod-manifest-path',
  staticPodURL: '--manifest-url',
  staticPodURLHeader: '--manifest-url-header',
  syncFrequency: '--sync-frequency',
  fileCheckFrequency: '--file-check-frequency',
  httpCheckFrequency: '--http-check-frequency',
  address: '--address',
  port: '--port',
  readOnlyPort: '--read-only-port',
  'authentication.anonymous.enabled': '--anonymous-auth',
  'authentication.webhook.enabled': '--authentication-token-webhook',
  'authentication.webhook.cacheTTL': '--authentication-token-webhook-cache-ttl',
  'authentication.x509.clientCAFile': '--client-ca-file',
  'authorization.mode': '--authorization-mode',
  'authorization.webhook.cacheAuthorizedTTL': '--authorization-webhook-cache-authorized-ttl',
  'authorization.webhook.cacheUnauthorizedTTL': '--authorization-webhook-cache-unauthorized-ttl',
  tlsCertFile: '--tls-cert-file',
  tlsPrivateKeyFile: '--tls-private-key-file',
  serverTLSBootstrap: '--rotate-server-certificates',
  tlsCipherSuites: '--tls-cipher-suites',
  tlsMinVersion: '--tls-min-version',
  rotateCertificates: '--rotate-certificates',
  registryPullQPS: '--registry-qps',
  registryBurst: '--registry-burst',
  eventRecordQPS: '--event-qps',
  eventBurst: '--event-burst',
  enableDebuggingHandlers: '--enable-debugging-handlers',
  enableContentionProfiling: '--contention-profiling',
  healthzPort: '--healthz-port',
  healthzBindAddress: '--healthz-bind-address',
  oomScoreAdj: '--oom-score-adj',
  clusterDomain: '--cluster-domain',
  clusterDNS: '--cluster-dns',
  streamingConnectionIdleTimeout: '--streaming-connection-idle-timeout',
  nodeStatusUpdateFrequency: '--node-status-update-frequency',
  imageMinimumGCAge: '--minimum-image-ttl-duration',
  imageGCHighThresholdPercent: '--image-gc-high-threshold',
  imageGCLowThresholdPercent: '--image-gc-low-threshold',
  volumeStatsAggPeriod: '--volume-stats-agg-period',
  featureGates: '--feature-gates',
  kubeletCgroups: '--kubelet-cgroups',
  systemCgroups: '--system-cgroups',
  cgroupsPerQOS: '--cgroups-per-qos',
  cgroupDriver: '--cgroup-driver',
  cgroupRoot: '--cgroup-root',
  cpuManagerPolicy: '--cpu-manager-policy',
  cpuManagerPolicyOptions: '--cpu-manager-policy-options',
  cpuManagerReconcilePeriod: '--cpu-manager-reconcile-period',
  qosReserved: '--qos-reserved',
  topologyManagerPolicy: '--topology-manager-policy',
  topologyManagerScope: '--topology-manager-scope',
  topologyManagerPolicyOptions: '--topology-manager-policy-options',
  memoryManagerPolicy: '--memory-manager-policy',
  reservedMemory: '--reserved-memory',
  runtimeRequestTimeout: '--runtime-request-timeout',
  hairpinMode: '--hairpin-mode',
  maxPods: '--max-pods',
  podCIDR: '--pod-cidr',
  podPidsLimit: '--pod-max-pids',
  podsPerCore: '--pods-per-core',
  resolvConf: '--resolv-conf',
  cpuCFSQuota: '--cpu-cfs-quota',
  cpuCFSQuotaPeriod: '--cpu-cfs-quota-period',
  enableControllerAttachDetach: '--enable-controller-attach-detach',
  makeIPTablesUtilChains: '--make-iptables-util-chains',
  iptablesMasqueradeBit: '--iptables-masquerade-bit',
  iptablesDropBit: '--iptables-drop-bit',
  containerLogMaxSize: '--container-log-max-size',
  containerLogMaxFiles: '--container-log-max-files',
  allowedUnsafeSysctls: '--allowed-unsafe-sysctls',
  maxOpenFiles: '--max-open-files',
  contentType: '--kube-api-content-type',
  kubeAPIQPS: '--kube-api-qps',
  kubeAPIBurst: '--kube-api-burst',
  serializeImagePulls: '--serialize-image-pulls',
  evictionHard: '--eviction-hard',
  evictionSoft: '--eviction-soft',
  evictionSoftGracePeriod: '--eviction-soft-grace-period',
  evictionPressureTransitionPeriod: '--eviction-pressure-transition-period',
  evictionMaxPodGracePeriod: '--eviction-max-pod-grace-period',
  evictionMinimumReclaim: '--eviction-minimum-reclaim',
  systemReserved: '--system-reserved',
  kubeReserved: '--kube-reserved',
  systemReservedCgroup: '--system-reserved-cgroup',
  kubeReservedCgroup: '--kube-reserved-cgroup',
  reservedSystemCPUs: '--reserved-cpus',
  enforceNodeAllocatable: '--enforce-node-allocatable',
  protectKernelDefaults: '--protect-kernel-defaults',
  providerID: '--provider-id',
  registerNode: '--register-node',
  registerWithTaints: '--register-with-taints',
  failSwapOn: '--fail-swap-on',
  nodeStatusMaxImages: '--node-status-max-images',
  kernelMemcgNotification: '--kernel-memcg-notification',
  volumePluginDir: '--volume-plugin-dir',
  localStorageCapacityIsolation: '--local-storage-capacity-isolation',
  seccompDefault: '--seccomp-default',
  containerRuntimeEndpoint: '--container-runtime-endpoint',
  imageServiceEndpoint: '--image-service-endpoint',
  'logging.format': '--logging-format',
  'logging.verbosity': '--v',
  'logging.flushFrequency': '--log-flush-frequency',
  'logging.vmodule': '--vmodule',
};

/**
 * The kubelet flag that sets the field at `path`, if any. Map-valued fields (evictionHard, featureGates,
 * kubeReserved…) are set as a whole by one flag, so a child key resolves to its parent's flag.
 */
export function flagForPath(path: ConfigPath): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const flag = FLAG_BY_FIELD[path.slice(0, n).join('.')];
    if (flag) return flag;
  }
  return undefined;
}

/** How a flag would be written to give this value, e.g. `--eviction-hard=memory.available<500Mi`. */
export function flagExample(path: ConfigPath, value: string): string | undefined {
  const flag = flagForPath(path);
  if (!flag) return undefined;
  if (path.length === 2 && (path[0] === 'evictionHard' || path[0] === 'evictionSoft')) return `${flag}=${path[1]}<${value}`;
  if (path.length === 2) return `${flag}=${path[1]}=${value}`;
  return `${flag}=${value}`;
}

export type DriftCauseKind = 'flag' | 'local-edit' | 'drop-in' | 'version-default';

export interface DriftCause {
  kind: DriftCauseKind;
  text: string;
}

export interface DriftExplanation {
  flag?: string;
  /** most likely first */
  causes: DriftCause[];
}

/**
 * Likely causes for a field whose value on the node differs from the ConfigMap's (after both are
 * defaulted for the node's kubelet version).
 *
 * - `configMapSetsIt` false and `nodeValueIsDefault` true: the two sides only differ in defaults, which
 *   means the ConfigMap's defaults were computed for another version; this is a version effect, not an edit.
 * - `nodeHasField` false: the node's kubelet version does not have the field at all.
 * Otherwise, in the order an operator should check: a flag (names it), a drop-in in --config-dir, a local
 * edit of config.yaml.
 */
export function explainConfigMapDrift(
  path: ConfigPath,
  ctx: { nodeVersion: string; nodeHasField: boolean; nodeValueIsDefault: boolean; nodeValue?: string },
): DriftExplanation {
  const flag = flagForPath(path);
  if (!ctx.nodeHasField) {
    return {
      flag,
      causes: [{ kind: 'version-default', text: `kubelet ${ctx.nodeVersion} does not report this field (added in a later release, or removed).` }],
    };
  }
  if (ctx.nodeValueIsDefault) {
    return {
      flag,
      causes: [
        {
          kind: 'version-default',
          text: `The node runs its ${ctx.nodeVersion} default here: config.yaml on the node no longer sets what the ConfigMap sets (a local edit or an older copy of the ConfigMap from a previous kubeadm upgrade).`,
        },
      ],
    };
  }
  const causes: DriftCause[] = [];
  if (flag) {
    const example = ctx.nodeValue !== undefined ? flagExample(path, ctx.nodeValue) : undefined;
    causes.push({
      kind: 'flag',
      text: `A kubelet flag ${example ? `(${example})` : flag} in KUBELET_EXTRA_ARGS (/etc/default/kubelet or /etc/sysconfig/kubelet) or in KUBELET_KUBEADM_ARGS (/var/lib/kubelet/kubeadm-flags.env, from nodeRegistration.kubeletExtraArgs); flags override the config file.`,
    });
  }
  causes.push({
    kind: 'drop-in',
    text: 'A drop-in file in the kubelet --config-dir (for example /etc/kubernetes/kubelet.conf.d/*.conf), merged over config.yaml.',
  });
  causes.push({
    kind: 'local-edit',
    text: 'A local edit of /var/lib/kubelet/config.yaml (kubeadm writes it only at join and `kubeadm upgrade node`).',
  });
  return { flag, causes };
}

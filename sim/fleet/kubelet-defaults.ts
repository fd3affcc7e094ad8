/**
 * KubeletConfiguration (kubelet.config.k8s.io/v1beta1) after the kubelet's own defaulting, per minor version,
 * in the key order configz serialises (Go struct order) and omitting what configz omits (empty/zero optional
 * fields).
 *
 * Sources:
 * - field set per release: kubernetes/kubelet `config/v1beta1/types.go` at tags v0.27.0 … v0.33.0 (diffed here:
 *   1.29 +imageMaximumGCAge; 1.30 +containerLogMaxWorkers, +containerLogMonitorInterval, +podLogsDir;
 *   1.31 +failCgroupV1; 1.32 +crashLoopBackOff, +singleProcessOOMKill; 1.33 +mergeDefaultEvictionSettings,
 *   +userNamespaces, +imagePullCredentialsVerificationPolicy, +preloadedImagesVerificationAllowlist).
 * - default values: kubernetes/kubernetes pkg/kubelet/apis/config/v1beta1/defaults.go (as read into the app's
 *   lib/reference/kubelet-config-v1beta1-fields.json; the sim keeps its own table, never imports it) and a public
 *   v1.31 kubeadm configz capture (aquasecurity node-collector discussion) for the serialised form.
 * - default evictionHard: pkg/kubelet/eviction/defaults_linux.go; imagefs.inodesFree since v1.30 (PR #121834).
 * Fields that are nil pointers after defaulting (singleProcessOOMKill, userNamespaces, …) never show up.
 */

export type KubeletConfig = Record<string, unknown>;

/** configz key order (KubeletConfiguration struct order, v1.33). */
const FIELD_ORDER = [
  'enableServer',
  'staticPodPath',
  'podLogsDir',
  'syncFrequency',
  'fileCheckFrequency',
  'httpCheckFrequency',
  'staticPodURL',
  'staticPodURLHeader',
  'address',
  'port',
  'readOnlyPort',
  'tlsCertFile',
  'tlsPrivateKeyFile',
  'tlsCipherSuites',
  'tlsMinVersion',
  'rotateCertificates',
  'serverTLSBootstrap',
  'authentication',
  'authorization',
  'registryPullQPS',
  'registryBurst',
  'imagePullCredentialsVerificationPolicy',
  'preloadedImagesVerificationAllowlist',
  'eventRecordQPS',
  'eventBurst',
  'enableDebuggingHandlers',
  'enableContentionProfiling',
  'healthzPort',
  'healthzBindAddress',
  'oomScoreAdj',
  'clusterDomain',
  'clusterDNS',
  'streamingConnectionIdleTimeout',
  'nodeStatusUpdateFrequency',
  'nodeStatusReportFrequency',
  'nodeLeaseDurationSeconds',
  'imageMinimumGCAge',
  'imageMaximumGCAge',
  'imageGCHighThresholdPercent',
  'imageGCLowThresholdPercent',
  'volumeStatsAggPeriod',
  'kubeletCgroups',
  'systemCgroups',
  'cgroupRoot',
  'cgroupsPerQOS',
  'cgroupDriver',
  'cpuManagerPolicy',
  'singleProcessOOMKill',
  'cpuManagerPolicyOptions',
  'cpuManagerReconcilePeriod',
  'memoryManagerPolicy',
  'topologyManagerPolicy',
  'topologyManagerScope',
  'topologyManagerPolicyOptions',
  'qosReserved',
  'runtimeRequestTimeout',
  'hairpinMode',
  'maxPods',
  'podCIDR',
  'podPidsLimit',
  'resolvConf',
  'runOnce',
  'cpuCFSQuota',
  'cpuCFSQuotaPeriod',
  'nodeStatusMaxImages',
  'maxOpenFiles',
  'contentType',
  'kubeAPIQPS',
  'kubeAPIBurst',
  'serializeImagePulls',
  'maxParallelImagePulls',
  'evictionHard',
  'evictionSoft',
  'evictionSoftGracePeriod',
  'evictionPressureTransitionPeriod',
  'evictionMaxPodGracePeriod',
  'evictionMinimumReclaim',
  'mergeDefaultEvictionSettings',
  'podsPerCore',
  'enableControllerAttachDetach',
  'protectKernelDefaults',
  'makeIPTablesUtilChains',
  'iptablesMasqueradeBit',
  'iptablesDropBit',
  'featureGates',
  'failSwapOn',
  'memorySwap',
  'containerLogMaxSize',
  'containerLogMaxFiles',
  'containerLogMaxWorkers',
  'containerLogMonitorInterval',
  'configMapAndSecretChangeDetectionStrategy',
  'systemReserved',
  'kubeReserved',
  'reservedSystemCPUs',
  'showHiddenMetricsForVersion',
  'systemReservedCgroup',
  'kubeReservedCgroup',
  'enforceNodeAllocatable',
  'allowedUnsafeSysctls',
  'volumePluginDir',
  'providerID',
  'kernelMemcgNotification',
  'logging',
  'enableSystemLogHandler',
  'enableSystemLogQuery',
  'shutdownGracePeriod',
  'shutdownGracePeriodCriticalPods',
  'shutdownGracePeriodByPodPriority',
  'crashLoopBackOff',
  'reservedMemory',
  'enableProfilingHandler',
  'enableDebugFlagsHandler',
  'seccompDefault',
  'memoryThrottlingFactor',
  'registerWithTaints',
  'registerNode',
  'tracing',
  'localStorageCapacityIsolation',
  'containerRuntimeEndpoint',
  'imageServiceEndpoint',
  'failCgroupV1',
  'userNamespaces',
] as const;

/** First minor release whose types.go has the field; absent = present in every version we simulate (≥1.27). */
const FIELD_SINCE: Readonly<Record<string, number>> = {
  imageMaximumGCAge: 29,
  containerLogMaxWorkers: 30,
  containerLogMonitorInterval: 30,
  podLogsDir: 30,
  failCgroupV1: 31,
  crashLoopBackOff: 32,
  singleProcessOOMKill: 32,
  mergeDefaultEvictionSettings: 33,
  userNamespaces: 33,
  imagePullCredentialsVerificationPolicy: 33,
  preloadedImagesVerificationAllowlist: 33,
};

const KNOWN_FIELDS: ReadonlySet<string> = new Set(FIELD_ORDER);

function hasField(minor: number, field: string): boolean {
  return (FIELD_SINCE[field] ?? 0) <= minor && KNOWN_FIELDS.has(field);
}

/** Default hard eviction thresholds on Linux for a kubelet minor version. */
function defaultEvictionHard(minor: number): Record<string, string> {
  return minor >= 30
    ? {
        'imagefs.available': '15%',
        'imagefs.inodesFree': '5%',
        'memory.available': '100Mi',
        'nodefs.available': '10%',
        'nodefs.inodesFree': '5%',
      }
    : { 'imagefs.available': '15%', 'memory.available': '100Mi', 'nodefs.available': '10%', 'nodefs.inodesFree': '5%' };
}

/** "v1.31.9" → 31 */
export function minorOf(version: string): number {
  const m = /^v?1\.(\d+)\./.exec(version);
  if (!m?.[1]) throw new RangeError(`bad kubelet version "${version}"`);
  return Number(m[1]);
}

/** The defaulted configuration a kubelet of this minor version serves when its config file is empty. */
export function kubeletDefaults(minor: number): KubeletConfig {
  const all: KubeletConfig = {
    enableServer: true,
    podLogsDir: '/var/log/pods',
    syncFrequency: '1m0s',
    fileCheckFrequency: '20s',
    httpCheckFrequency: '20s',
    address: '0.0.0.0',
    port: 10250,
    authentication: {
      x509: {},
      webhook: { enabled: true, cacheTTL: '2m0s' },
      anonymous: { enabled: false },
    },
    authorization: { mode: 'Webhook', webhook: { cacheAuthorizedTTL: '5m0s', cacheUnauthorizedTTL: '30s' } },
    registryPullQPS: 5,
    registryBurst: 10,
    eventRecordQPS: 50,
    eventBurst: 100,
    enableDebuggingHandlers: true,
    healthzPort: 10248,
    healthzBindAddress: '127.0.0.1',
    oomScoreAdj: -999,
    streamingConnectionIdleTimeout: '4h0m0s',
    nodeStatusUpdateFrequency: '10s',
    nodeStatusReportFrequency: '5m0s',
    nodeLeaseDurationSeconds: 40,
    imageMinimumGCAge: '2m0s',
    imageMaximumGCAge: '0s',
    imageGCHighThresholdPercent: 85,
    imageGCLowThresholdPercent: 80,
    volumeStatsAggPeriod: '1m0s',
    cgroupsPerQOS: true,
    cgroupDriver: 'cgroupfs',
    cpuManagerPolicy: 'none',
    cpuManagerReconcilePeriod: '10s',
    memoryManagerPolicy: 'None',
    topologyManagerPolicy: 'none',
    topologyManagerScope: 'container',
    runtimeRequestTimeout: '2m0s',
    hairpinMode: 'promiscuous-bridge',
    maxPods: 110,
    podPidsLimit: -1,
    resolvConf: '/etc/resolv.conf',
    cpuCFSQuota: true,
    cpuCFSQuotaPeriod: '100ms',
    nodeStatusMaxImages: 50,
    maxOpenFiles: 1000000,
    contentType: 'application/vnd.kubernetes.protobuf',
    kubeAPIQPS: 50,
    kubeAPIBurst: 100,
    serializeImagePulls: true,
    evictionHard: defaultEvictionHard(minor),
    evictionPressureTransitionPeriod: '5m0s',
    mergeDefaultEvictionSettings: false,
    enableControllerAttachDetach: true,
    makeIPTablesUtilChains: true,
    iptablesMasqueradeBit: 14,
    iptablesDropBit: 15,
    failSwapOn: true,
    memorySwap: {},
    containerLogMaxSize: '10Mi',
    containerLogMaxFiles: 5,
    containerLogMaxWorkers: 1,
    containerLogMonitorInterval: '10s',
    configMapAndSecretChangeDetectionStrategy: 'Watch',
    enforceNodeAllocatable: ['pods'],
    volumePluginDir: '/usr/libexec/kubernetes/kubelet-plugins/volume/exec/',
    // component-base logsapi: text options (splitStream/infoBufferSize) joined the json ones in v1.30.
    logging:
      minor >= 30
        ? {
            format: 'text',
            flushFrequency: '5s',
            verbosity: 0,
            options: { text: { infoBufferSize: '0' }, json: { infoBufferSize: '0' } },
          }
        : { format: 'text', flushFrequency: '5s', verbosity: 0, options: { json: { infoBufferSize: '0' } } },
    enableSystemLogHandler: true,
    enableSystemLogQuery: false,
    shutdownGracePeriod: '0s',
    shutdownGracePeriodCriticalPods: '0s',
    // CrashLoopBackOffConfig is a non-pointer struct: encoding/json writes `{}` even with omitempty.
    crashLoopBackOff: {},
    enableProfilingHandler: true,
    enableDebugFlagsHandler: true,
    seccompDefault: false,
    memoryThrottlingFactor: 0.9,
    registerNode: true,
    localStorageCapacityIsolation: true,
    containerRuntimeEndpoint: 'unix:///run/containerd/containerd.sock',
    // added v1.31 defaulting to false; true only from v1.35
    failCgroupV1: false,
  };
  return orderConfig(all, minor);
}

/** Drop fields this version does not have and put keys in configz order. */
export function orderConfig(config: KubeletConfig, minor: number): KubeletConfig {
  const out: KubeletConfig = {};
  for (const key of FIELD_ORDER) {
    if (key in config && config[key] !== undefined && hasField(minor, key)) out[key] = config[key];
  }
  return out;
}

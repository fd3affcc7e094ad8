/**
 * What the kubelet fills in for a field nobody set, per minor version, as configz serialises it.
 * Values: SetDefaults_KubeletConfiguration (pkg/kubelet/apis/config/v1beta1/defaults.go) as recorded in
 * /work/shared/reference/kubelet-config-v1beta1-fields.json (read at v1.36.3), with the version history noted
 * there and in kubelet-flags-deprecations.md:
 * - evictionHard default gained `imagefs.inodesFree: 5%` in 1.30 (PR #121834);
 * - containerRuntimeEndpoint is a config field from 1.27; imageMaximumGCAge from 1.29; podLogsDir,
 *   containerLogMaxWorkers and containerLogMonitorInterval from 1.30; failCgroupV1 from 1.31 (default true
 *   from 1.35); mergeDefaultEvictionSettings from 1.33.
 * Without `--config` the kubelet starts from "legacy" command-line defaults instead for four fields
 * (`applyLegacyDefaults` in cmd/kubelet/app/options/options.go): anonymous auth on, webhook authn off,
 * AlwaysAllow authorization, read-only port 10255.
 *
 * TODO(issue 10): read these from lib/domain/kubelet-fields.ts once the node-detail defaults land.
 */
const BASE: ReadonlyArray<readonly [path: string, value: unknown, since?: number]> = [
  ['enableServer', true],
  ['podLogsDir', '/var/log/pods', 30],
  ['syncFrequency', '1m0s'],
  ['fileCheckFrequency', '20s'],
  ['httpCheckFrequency', '20s'],
  ['address', '0.0.0.0'],
  ['port', 10250],
  ['readOnlyPort', 0],
  ['rotateCertificates', false],
  ['serverTLSBootstrap', false],
  ['authentication.webhook.enabled', true],
  ['authentication.webhook.cacheTTL', '2m0s'],
  ['authentication.anonymous.enabled', false],
  ['authorization.mode', 'Webhook'],
  ['authorization.webhook.cacheAuthorizedTTL', '5m0s'],
  ['authorization.webhook.cacheUnauthorizedTTL', '30s'],
  ['registryPullQPS', 5],
  ['registryBurst', 10],
  ['eventRecordQPS', 50],
  ['eventBurst', 100],
  ['enableDebuggingHandlers', true],
  ['enableContentionProfiling', false],
  ['healthzPort', 10248],
  ['healthzBindAddress', '127.0.0.1'],
  ['oomScoreAdj', -999],
  ['streamingConnectionIdleTimeout', '4h0m0s'],
  ['nodeStatusUpdateFrequency', '10s'],
  ['nodeStatusReportFrequency', '5m0s'],
  ['nodeLeaseDurationSeconds', 40],
  ['imageMinimumGCAge', '2m0s'],
  ['imageMaximumGCAge', '0s', 29],
  ['imageGCHighThresholdPercent', 85],
  ['imageGCLowThresholdPercent', 80],
  ['volumeStatsAggPeriod', '1m0s'],
  ['cgroupsPerQOS', true],
  ['cgroupDriver', 'cgroupfs'],
  ['cpuManagerPolicy', 'none'],
  ['cpuManagerReconcilePeriod', '10s'],
  ['memoryManagerPolicy', 'None'],
  ['topologyManagerPolicy', 'none'],
  ['topologyManagerScope', 'container'],
  ['runtimeRequestTimeout', '2m0s'],
  ['hairpinMode', 'promiscuous-bridge'],
  ['maxPods', 110],
  ['podPidsLimit', -1],
  ['resolvConf', '/etc/resolv.conf'],
  ['cpuCFSQuota', true],
  ['cpuCFSQuotaPeriod', '100ms'],
  ['nodeStatusMaxImages', 50],
  ['maxOpenFiles', 1000000],
  ['contentType', 'application/vnd.kubernetes.protobuf'],
  ['kubeAPIQPS', 50],
  ['kubeAPIBurst', 100],
  ['serializeImagePulls', true],
  ['evictionPressureTransitionPeriod', '5m0s'],
  ['evictionMaxPodGracePeriod', 0],
  ['mergeDefaultEvictionSettings', false, 33],
  ['podsPerCore', 0],
  ['enableControllerAttachDetach', true],
  ['protectKernelDefaults', false],
  ['makeIPTablesUtilChains', true],
  ['iptablesMasqueradeBit', 14],
  ['iptablesDropBit', 15],
  ['failSwapOn', true],
  ['containerLogMaxSize', '10Mi'],
  ['containerLogMaxFiles', 5],
  ['containerLogMaxWorkers', 1, 30],
  ['containerLogMonitorInterval', '10s', 30],
  ['configMapAndSecretChangeDetectionStrategy', 'Watch'],
  ['enforceNodeAllocatable', ['pods']],
  ['volumePluginDir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec/'],
  ['kernelMemcgNotification', false],
  ['logging.format', 'text'],
  ['logging.flushFrequency', '5s'],
  ['logging.verbosity', 0],
  ['logging.options.text.infoBufferSize', '0'],
  ['logging.options.json.infoBufferSize', '0'],
  ['enableSystemLogHandler', true],
  ['enableSystemLogQuery', false],
  ['shutdownGracePeriod', '0s'],
  ['shutdownGracePeriodCriticalPods', '0s'],
  ['enableProfilingHandler', true],
  ['enableDebugFlagsHandler', true],
  ['seccompDefault', false],
  ['memoryThrottlingFactor', 0.9],
  ['registerNode', true],
  ['localStorageCapacityIsolation', true],
  ['containerRuntimeEndpoint', 'unix:///run/containerd/containerd.sock', 27],
];

const EVICTION_HARD_1_29 = { 'imagefs.available': '15%', 'memory.available': '100Mi', 'nodefs.available': '10%', 'nodefs.inodesFree': '5%' };

/** Flattened defaults (see config-paths.ts) for kubelet minor version `minor`. */
export function defaultsFor(minor: number): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [path, value, since] of BASE) if (since === undefined || minor >= since) out.set(path, value);
  out.set('evictionHard', minor >= 30 ? { ...EVICTION_HARD_1_29, 'imagefs.inodesFree': '5%' } : EVICTION_HARD_1_29);
  if (minor >= 31) out.set('failCgroupV1', minor >= 35);
  return out;
}

/** The four fields whose starting value differs when the kubelet runs without --config. */
export const LEGACY_DEFAULTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['authentication.anonymous.enabled', true],
  ['authentication.webhook.enabled', false],
  ['authorization.mode', 'AlwaysAllow'],
  ['readOnlyPort', 10255],
]);

/** Minor version from a kubelet version string ("v1.33.2" → 33); undefined when unreadable. */
export function minorOf(version: string): number | undefined {
  const m = /^v?1\.(\d+)/.exec(version.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * Non-pointer fields that SetDefaults_KubeletConfiguration fills when they hold Go's zero value, so a config
 * file saying `syncFrequency: 0s` or `maxPods: 0` still ends up with the default. kubeadm's generated
 * config.yaml is full of such `0s` lines. (Pointer fields keep an explicit zero.)
 */
export const ZERO_VALUE_DEFAULTED: ReadonlySet<string> = new Set([
  'podLogsDir', 'syncFrequency', 'fileCheckFrequency', 'httpCheckFrequency', 'address', 'port',
  'authentication.webhook.cacheTTL', 'authorization.mode', 'authorization.webhook.cacheAuthorizedTTL',
  'authorization.webhook.cacheUnauthorizedTTL', 'registryBurst', 'eventBurst', 'healthzBindAddress',
  'streamingConnectionIdleTimeout', 'nodeStatusUpdateFrequency', 'nodeStatusReportFrequency',
  'nodeLeaseDurationSeconds', 'imageMinimumGCAge', 'volumeStatsAggPeriod', 'cgroupDriver', 'cpuManagerPolicy',
  'cpuManagerReconcilePeriod', 'memoryManagerPolicy', 'topologyManagerPolicy', 'topologyManagerScope',
  'runtimeRequestTimeout', 'hairpinMode', 'maxPods', 'maxOpenFiles', 'contentType', 'kubeAPIBurst',
  'evictionPressureTransitionPeriod', 'containerLogMaxSize', 'configMapAndSecretChangeDetectionStrategy',
  'volumePluginDir', 'logging.format', 'logging.flushFrequency', 'containerRuntimeEndpoint',
]);

/** Go zero value as it appears in YAML: 0, "", "0s"/"0". */
export const isGoZero = (v: unknown): boolean => v === 0 || v === '' || v === '0s' || v === '0' || v === false;

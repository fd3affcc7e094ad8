import { getAtPath, isPlainObject, pathKey, type ConfigPath } from './config-flatten';
import { parseGoDurationNs } from './config-normalize';

/**
 * Kubelet defaulting (SetDefaults_KubeletConfiguration, kubelet.config.k8s.io/v1beta1) per kubelet minor version,
 * so that "a missing key is compared with that version's default".
 *
 * Values come from /work/shared/reference/kubelet-config-v1beta1-fields.json (v1.36.3 defaults.go + types.go).
 * Version deltas come from /work/shared/reference/kubelet-flags-deprecations.md and the configz captures in
 * lib/domain/fixtures/compare/: evictionHard gained imagefs.inodesFree in v1.30 (PR #121834); failCgroupV1 was
 * added in v1.31 defaulting false and defaults true from v1.35; containerRuntimeEndpoint is a config field
 * from v1.27; `since` marks when a field first appears, so an older kubelet is not charged with a field it
 * cannot have. Fields defaulted only behind a feature gate (crashLoopBackOff.maxContainerRestartPeriod,
 * imagePullCredentialsVerificationPolicy) or outside the defaulter (userNamespaces.idsPerPod) are left out.
 *
 * TODO(issue 6): switch to lib/domain/kubelet-fields.ts once the node detail work lands, so both views
 * share one per-version defaults table.
 */
export interface DefaultEntry {
  path: readonly string[];
  value: unknown;
  /**
   * Go pointer fields (*int32, *bool) are defaulted only when nil. Non-pointer fields are defaulted when
   * they hold the zero value, because Go cannot tell "0" from "unset": kubeadm writes `syncFrequency: 0s`
   * into its ConfigMap and the kubelet turns it into 1m0s.
   */
  pointer: boolean;
  /** first kubelet minor (1.x) that has the field */
  since?: number;
}

type Row = [path: string, value: unknown, pointer: boolean, since?: number];

const EVICTION_HARD_PRE_130 = { 'imagefs.available': '15%', 'memory.available': '100Mi', 'nodefs.available': '10%', 'nodefs.inodesFree': '5%' };
const EVICTION_HARD = { ...EVICTION_HARD_PRE_130, 'imagefs.inodesFree': '5%' };

const ROWS: Row[] = [
  ['enableServer', true, true],
  ['podLogsDir', '/var/log/pods', false, 29],
  ['syncFrequency', '1m0s', false],
  ['fileCheckFrequency', '20s', false],
  ['httpCheckFrequency', '20s', false],
  ['address', '0.0.0.0', false],
  ['port', 10250, false],
  ['readOnlyPort', 0, false],
  ['rotateCertificates', false, false],
  ['serverTLSBootstrap', false, false],
  ['authentication.webhook.enabled', true, true],
  ['authentication.webhook.cacheTTL', '2m0s', false],
  ['authentication.anonymous.enabled', false, true],
  ['authorization.mode', 'Webhook', false],
  ['authorization.webhook.cacheAuthorizedTTL', '5m0s', false],
  ['authorization.webhook.cacheUnauthorizedTTL', '30s', false],
  ['registryPullQPS', 5, true],
  ['registryBurst', 10, false],
  ['eventRecordQPS', 50, true],
  ['eventBurst', 100, false],
  ['enableDebuggingHandlers', true, true],
  ['enableContentionProfiling', false, false],
  ['healthzPort', 10248, true],
  ['healthzBindAddress', '127.0.0.1', false],
  ['oomScoreAdj', -999, true],
  ['streamingConnectionIdleTimeout', '4h0m0s', false],
  ['nodeLeaseDurationSeconds', 40, false],
  ['imageMinimumGCAge', '2m0s', false],
  ['imageMaximumGCAge', '0s', false, 29],
  ['imageGCHighThresholdPercent', 85, true],
  ['imageGCLowThresholdPercent', 80, true],
  ['volumeStatsAggPeriod', '1m0s', false],
  ['cgroupsPerQOS', true, true],
  ['cgroupDriver', 'cgroupfs', false],
  ['cpuManagerPolicy', 'none', false],
  ['cpuManagerReconcilePeriod', '10s', false],
  ['memoryManagerPolicy', 'None', false],
  ['topologyManagerPolicy', 'none', false],
  ['topologyManagerScope', 'container', false],
  ['runtimeRequestTimeout', '2m0s', false],
  ['hairpinMode', 'promiscuous-bridge', false],
  ['maxPods', 110, false],
  ['podPidsLimit', -1, true],
  ['resolvConf', '/etc/resolv.conf', true],
  ['runOnce', false, false],
  ['cpuCFSQuota', true, true],
  ['cpuCFSQuotaPeriod', '100ms', true],
  ['nodeStatusMaxImages', 50, true],
  ['maxOpenFiles', 1000000, false],
  ['contentType', 'application/vnd.kubernetes.protobuf', false],
  ['kubeAPIQPS', 50, true],
  ['kubeAPIBurst', 100, false],
  ['evictionPressureTransitionPeriod', '5m0s', false],
  ['evictionMaxPodGracePeriod', 0, false],
  ['mergeDefaultEvictionSettings', false, true, 33],
  ['podsPerCore', 0, false],
  ['enableControllerAttachDetach', true, true],
  ['protectKernelDefaults', false, false],
  ['makeIPTablesUtilChains', true, true],
  ['iptablesMasqueradeBit', 14, true],
  ['iptablesDropBit', 15, true],
  ['failSwapOn', true, true],
  ['containerLogMaxSize', '10Mi', false],
  ['containerLogMaxFiles', 5, true],
  ['containerLogMaxWorkers', 1, true, 30],
  ['containerLogMonitorInterval', '10s', true, 30],
  ['configMapAndSecretChangeDetectionStrategy', 'Watch', false],
  ['enforceNodeAllocatable', ['pods'], false],
  ['volumePluginDir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec/', false],
  ['kernelMemcgNotification', false, false],
  ['logging.format', 'text', false],
  ['logging.flushFrequency', '5s', false],
  ['logging.verbosity', 0, false],
  // text options appear in configz from about v1.29 (absent from the v1.27/1.28 capture, present in v1.31)
  ['logging.options.text.infoBufferSize', '0', false, 29],
  ['logging.options.json.infoBufferSize', '0', false],
  ['enableSystemLogHandler', true, true],
  ['enableSystemLogQuery', false, true, 27],
  ['shutdownGracePeriod', '0s', false],
  ['shutdownGracePeriodCriticalPods', '0s', false],
  ['enableProfilingHandler', true, true],
  ['enableDebugFlagsHandler', true, true],
  ['seccompDefault', false, true],
  ['memoryThrottlingFactor', 0.9, true],
  ['registerNode', true, true],
  ['localStorageCapacityIsolation', true, true],
  ['containerRuntimeEndpoint', 'unix:///run/containerd/containerd.sock', false, 27],
];

/** "v1.29.15" → 29; undefined when the version is not a 1.x kubelet version. */
export function parseMinor(version: string | undefined): number | undefined {
  const m = /^v?1\.(\d+)(?:\.|$)/.exec(version ?? '');
  return m ? Number(m[1]) : undefined;
}

const cache = new Map<number, DefaultEntry[]>();
/** Newest minor the table describes; unknown versions get these defaults. */
const NEWEST = 36;

/** Default entries for a kubelet version (leaf paths only, plus evictionHard as a whole map). */
export function defaultsFor(version: string | undefined): DefaultEntry[] {
  const minor = parseMinor(version) ?? NEWEST;
  const hit = cache.get(minor);
  if (hit) return hit;
  const entries: DefaultEntry[] = ROWS.filter(([, , , since]) => since === undefined || minor >= since).map(
    ([path, value, pointer, since]) => ({ path: path.split('.'), value, pointer, since }),
  );
  entries.push({ path: ['evictionHard'], value: minor >= 30 ? EVICTION_HARD : EVICTION_HARD_PRE_130, pointer: true });
  if (minor >= 31) entries.push({ path: ['failCgroupV1'], value: minor >= 35, pointer: true, since: 31 });
  cache.set(minor, entries);
  return entries;
}

/** Go zero value as it serialises: "", 0, false, or a zero duration ("0s", "0m0s"). */
function isZero(value: unknown): boolean {
  if (value === '' || value === 0 || value === false) return true;
  return typeof value === 'string' && parseGoDurationNs(value) === 0;
}

function setAtPath(obj: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return obj;
  const child = obj[head];
  return { ...obj, [head]: rest.length === 0 ? value : setAtPath(isPlainObject(child) ? child : {}, rest, value) };
}

export interface Defaulted {
  /** config with defaults filled in, as the kubelet would run it */
  config: Record<string, unknown>;
  /** pathKeys of every leaf that came from a default rather than from the source */
  defaulted: Set<string>;
}

/**
 * Fills in what the kubelet's defaulter would for `version`: missing fields, and zero-valued non-pointer
 * fields. Also applies two coupled rules from defaults.go: nodeStatusReportFrequency follows an explicitly
 * set nodeStatusUpdateFrequency, and serializeImagePulls defaults to false when maxParallelImagePulls > 1.
 * evictionHard is filled whole only when absent (eviction.DefaultEvictionHard, cmd/kubelet/app/server.go).
 */
export function applyDefaults(source: Record<string, unknown>, version: string | undefined): Defaulted {
  let config = source;
  const defaulted = new Set<string>();
  const fill = (path: readonly string[], value: unknown) => {
    config = setAtPath(config, path, value);
    if (isPlainObject(value)) for (const k of Object.keys(value)) defaulted.add(pathKey([...path, k]));
    else defaulted.add(pathKey(path));
  };
  for (const entry of defaultsFor(version)) {
    const current = getAtPath(config, entry.path);
    if (current === undefined || current === null || (!entry.pointer && isZero(current))) {
      if (current !== undefined && current !== null && isZero(entry.value) && isZero(current)) continue;
      fill(entry.path, entry.value);
    }
  }
  const update = getAtPath(source, ['nodeStatusUpdateFrequency']);
  const report = getAtPath(source, ['nodeStatusReportFrequency']);
  const updateNs = parseGoDurationNs(update);
  const reportNs = parseGoDurationNs(report);
  if (!reportNs) fill(['nodeStatusReportFrequency'], updateNs ? update : '5m0s');
  if (!updateNs) fill(['nodeStatusUpdateFrequency'], '10s');
  if (getAtPath(source, ['serializeImagePulls']) == null) {
    const parallel = getAtPath(source, ['maxParallelImagePulls']);
    fill(['serializeImagePulls'], !(typeof parallel === 'number' && parallel > 1));
  }
  return { config, defaulted };
}

/** Whether a path was filled by the defaulter (for showing "default" next to a value). */
export const wasDefaulted = (d: Defaulted, path: ConfigPath): boolean => d.defaulted.has(pathKey(path));

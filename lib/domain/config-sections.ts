import { stringify } from 'yaml';
import { normalizeGoDuration, parseGoDuration, describeDuration } from './durations';
import { type KubeletField, defaultFor, fieldIntroducedIn, isUnset, kubeletField, valuesEqual } from './kubelet-fields';
import { type FlagState, flagForField, flagStateAt } from './kubelet-flags';
import { formatQuantity, tryParseQuantity } from './quantity';

/**
 * Effective kubelet config (configz) arranged into the sections people think in, each field with its default for
 * that kubelet's version, the equivalent flag, and whether it differs or is deprecated.
 */

const CONFIG_SECTIONS = [
  { id: 'auth', title: 'Authentication & authorization' },
  { id: 'resources', title: 'Resources & reservations' },
  { id: 'eviction', title: 'Eviction' },
  { id: 'images', title: 'Image & container GC' },
  { id: 'runtime', title: 'Cgroups & runtime' },
  { id: 'pods', title: 'Pods, networking & DNS' },
  { id: 'features', title: 'Feature gates' },
  { id: 'logging', title: 'Logging & debugging' },
  { id: 'timing', title: 'Timing & API' },
  { id: 'server', title: 'Server & TLS' },
] as const;
export type SectionId = (typeof CONFIG_SECTIONS)[number]['id'];

const SECTION_OF: Record<string, SectionId> = {};
const put = (id: SectionId, keys: string) =>
  keys
    .split(/\s+/)
    .filter(Boolean)
    .forEach((k) => (SECTION_OF[k] = id));
put('auth', 'authentication authorization');
put(
  'server',
  `enableServer address port readOnlyPort tlsCertFile tlsPrivateKeyFile tlsCipherSuites tlsCurvePreferences
  tlsMinVersion rotateCertificates serverTLSBootstrap healthzPort healthzBindAddress streamingConnectionIdleTimeout`,
);
put(
  'resources',
  `kubeReserved systemReserved reservedSystemCPUs kubeReservedCgroup systemReservedCgroup enforceNodeAllocatable
  reservedMemory maxPods podsPerCore podPidsLimit qosReserved cpuManagerPolicy cpuManagerPolicyOptions cpuManagerReconcilePeriod
  memoryManagerPolicy topologyManagerPolicy topologyManagerScope topologyManagerPolicyOptions memoryThrottlingFactor
  memoryReservationPolicy localStorageCapacityIsolation failSwapOn memorySwap`,
);
put(
  'eviction',
  `evictionHard evictionSoft evictionSoftGracePeriod evictionPressureTransitionPeriod evictionMaxPodGracePeriod
  evictionMinimumReclaim mergeDefaultEvictionSettings kernelMemcgNotification`,
);
put(
  'images',
  `imageMinimumGCAge imageMaximumGCAge imageGCHighThresholdPercent imageGCLowThresholdPercent registryPullQPS
  registryBurst serializeImagePulls maxParallelImagePulls imagePullCredentialsVerificationPolicy
  preloadedImagesVerificationAllowlist containerLogMaxSize containerLogMaxFiles containerLogMaxWorkers
  containerLogMonitorInterval podLogsDir nodeStatusMaxImages`,
);
put(
  'runtime',
  `cgroupDriver cgroupRoot cgroupsPerQOS kubeletCgroups systemCgroups cpuCFSQuota cpuCFSQuotaPeriod
  containerRuntimeEndpoint imageServiceEndpoint runtimeRequestTimeout failCgroupV1 singleProcessOOMKill oomScoreAdj
  maxOpenFiles protectKernelDefaults seccompDefault userNamespaces crashLoopBackOff`,
);
put(
  'pods',
  `clusterDomain clusterDNS resolvConf hairpinMode podCIDR makeIPTablesUtilChains iptablesMasqueradeBit iptablesDropBit
  allowedUnsafeSysctls staticPodPath staticPodURL staticPodURLHeader volumePluginDir enableControllerAttachDetach
  registerNode registerWithTaints providerID runOnce configMapAndSecretChangeDetectionStrategy shutdownGracePeriod
  shutdownGracePeriodCriticalPods shutdownGracePeriodByPodPriority`,
);
put('features', 'featureGates');
put(
  'logging',
  `logging enableSystemLogHandler enableSystemLogQuery enableDebuggingHandlers enableContentionProfiling
  enableProfilingHandler enableDebugFlagsHandler showHiddenMetricsForVersion tracing`,
);
put(
  'timing',
  `syncFrequency fileCheckFrequency httpCheckFrequency nodeStatusUpdateFrequency nodeStatusReportFrequency
  nodeLeaseDurationSeconds volumeStatsAggPeriod eventRecordQPS eventBurst kubeAPIQPS kubeAPIBurst contentType`,
);

/**
 * Section of a top-level field; unknown fields (newer kubelets) go to "timing & API" rather than vanish.
 * @internal exported for its unit tests
 */
export const sectionOf = (path: string): SectionId => SECTION_OF[path.split('.')[0] ?? path] ?? 'timing';

/** Objects whose leaves are shown as separate rows; every other value (maps, lists) is one row. */
const EXPAND = new Set(['authentication', 'authorization', 'logging', 'crashLoopBackOff', 'userNamespaces', 'tracing']);

export interface ConfigRow {
  path: string;
  section: SectionId;
  /** value as configz has it (undefined: not in configz, i.e. unset) */
  value: unknown;
  /** readable value: "1m0s (1 min)", "300Mi", JSON for maps */
  display: string;
  defaultValue: unknown;
  defaultDisplay: string;
  /** true when set and not equal to the default of this version */
  differs: boolean;
  flag?: string;
  flagState?: FlagState;
  warnings: string[];
  description?: string;
  /** the default for this version differs from v1.36, and why */
  defaultNote?: string;
  known: boolean;
}

/**
 * Readable text for a value: durations normalised with a human reading, quantities canonical, maps as JSON.
 * @internal exported for its unit tests
 */
export function displayValue(value: unknown, field?: KubeletField): string {
  if (value === undefined || value === null) return '—';
  if (field?.kind === 'duration' && typeof value === 'string') {
    const norm = normalizeGoDuration(value);
    if (norm === undefined) return value;
    const human = describeDuration(parseGoDuration(norm));
    return norm === '0s' ? '0s' : `${norm} (${human})`;
  }
  if (field?.kind === 'quantity' || (field?.path === 'containerLogMaxSize' && typeof value === 'string')) {
    const q = tryParseQuantity(String(value));
    return q ? formatQuantity(q) : String(value);
  }
  if (typeof value === 'string') return value || '""';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function leaves(obj: Record<string, unknown>, prefix: string, out: Array<[string, unknown]>): void {
  for (const [k, v] of Object.entries(obj)) {
    const path = `${prefix}${k}`;
    if (v && typeof v === 'object' && !Array.isArray(v) && kubeletField(path)?.kind === 'object')
      leaves(v as Record<string, unknown>, `${path}.`, out);
    else out.push([path, v]);
  }
}

/** Every row to show: fields present in configz plus fields with a default that configz omitted. */
export function buildConfigRows(config: Record<string, unknown>, minor: number): ConfigRow[] {
  const present: Array<[string, unknown]> = [];
  for (const [k, v] of Object.entries(config)) {
    if (EXPAND.has(k) && v && typeof v === 'object' && !Array.isArray(v))
      leaves(v as Record<string, unknown>, `${k}.`, present);
    else present.push([k, v]);
  }
  const rows = new Map<string, ConfigRow>();
  const add = (path: string, value: unknown) => {
    const field = kubeletField(path);
    const def = defaultFor(path, minor);
    const warnings: string[] = [];
    const flag = flagForField(path);
    const flagState = flag ? flagStateAt(flag.name, minor) : undefined;
    if (!field) warnings.push('Not a known KubeletConfiguration field (newer kubelet, or a typo the kubelet ignored).');
    else if (!def.exists && value !== undefined)
      warnings.push(`Reported by a v1.${minor} kubelet but our reference dates it to v1.${fieldIntroducedIn(path)}.`);
    if (flag?.note && /no effect/.test(flag.note))
      warnings.push(`Has no effect: ${flag.note.replace(/^has no effect: /, '')}.`);
    if (path === 'memorySwap.swapBehavior' && value === 'UnlimitedSwap' && minor >= 30)
      warnings.push('UnlimitedSwap was removed in v1.30 (PR #122745).');
    if (path === 'readOnlyPort' && typeof value === 'number' && value > 0)
      warnings.push('The read-only port serves pod and node data without authentication.');
    if (path === 'authentication.anonymous.enabled' && value === true)
      warnings.push('Anonymous requests reach the kubelet API.');
    if (path === 'authorization.mode' && value === 'AlwaysAllow')
      warnings.push('Every authenticated request is authorized.');
    if (path === 'failCgroupV1' && minor < 35)
      warnings.push('Defaults to true from v1.35: the kubelet will refuse to start on cgroup v1 hosts.');
    if (
      path === 'evictionHard' &&
      value &&
      typeof value === 'object' &&
      minor >= 30 &&
      !('imagefs.inodesFree' in value)
    )
      warnings.push('A partial evictionHard map zeroes the thresholds it omits (imagefs.inodesFree is not enforced).');
    const unset = value === undefined || isUnset(value);
    const differs = !unset && !valuesEqual(value, def.value, field?.kind) && !(def.value === null && isUnset(value));
    rows.set(path, {
      path,
      section: sectionOf(path),
      value,
      display: value === undefined ? 'unset' : displayValue(value, field),
      defaultValue: def.value,
      defaultDisplay: !def.exists ? `not in v1.${minor}` : def.value === null ? 'none' : displayValue(def.value, field),
      differs,
      ...(flag ? { flag: `--${flag.name}`, flagState } : {}),
      warnings,
      ...(field ? { description: field.description } : {}),
      ...(def.note && def.exists ? { defaultNote: def.note } : {}),
      known: Boolean(field),
    });
  };
  for (const [path, value] of present) add(path, value);
  const order = (id: SectionId) => CONFIG_SECTIONS.findIndex((s) => s.id === id);
  return [...rows.values()].sort((a, b) => order(a.section) - order(b.section) || a.path.localeCompare(b.path));
}

/** Rows grouped per section in display order (sections without rows are left out). */
export function groupRows(rows: readonly ConfigRow[]): Array<{ id: SectionId; title: string; rows: ConfigRow[] }> {
  return CONFIG_SECTIONS.map((s) => ({ ...s, rows: rows.filter((r) => r.section === s.id) })).filter(
    (s) => s.rows.length > 0,
  );
}

/**
 * The configz object as a loadable config.yaml: configz carries no apiVersion/kind, the kubelet's --config needs them.
 */
export function toKubeletConfigYaml(config: Record<string, unknown>): string {
  const { apiVersion: _a, kind: _k, ...rest } = config;
  return stringify(
    { apiVersion: 'kubelet.config.k8s.io/v1beta1', kind: 'KubeletConfiguration', ...rest },
    { sortMapEntries: false },
  );
}

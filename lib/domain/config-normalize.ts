import { formatGoDuration, tryParseGoDuration } from './durations';
import { formatQuantity, tryParseQuantity } from './quantity';
import type { ConfigPath } from './config-flatten';

/**
 * Value normalisation for comparing kubelet configs by meaning, not text.
 *
 * Every leaf becomes a `canon` string: two leaves are equal exactly when their canon strings are
 * equal. The kind of a field comes from its Go type in kubelet.config.k8s.io/v1beta1
 * (see lib/reference/kubelet-config-v1beta1-fields.json): metav1.Duration fields compare as
 * nanoseconds (`1m0s` = `60s`, `"0s"` = `0`), resource.Quantity values as exact rationals
 * (`1Gi` = `1024Mi`), set-like lists ignore order. Anything that fails to parse falls back to its
 * text, so a malformed value still shows up as a difference instead of crashing the comparison.
 */

/** @internal exported for its unit tests */
export type FieldKind = 'duration' | 'quantity' | 'threshold' | 'percent' | 'set' | 'list' | 'scalar';

export interface Normalized {
  /** equality key: equal canon ⇔ same meaning */
  canon: string;
  /** value as the source wrote it (lists joined with ", "), for display */
  display: string;
}

/** metav1.Duration / logsapi.TimeOrMetaDuration fields (types.go), by dotted path. */
const DURATION_FIELDS = new Set([
  'syncFrequency',
  'fileCheckFrequency',
  'httpCheckFrequency',
  'authentication.webhook.cacheTTL',
  'authorization.webhook.cacheAuthorizedTTL',
  'authorization.webhook.cacheUnauthorizedTTL',
  'streamingConnectionIdleTimeout',
  'nodeStatusUpdateFrequency',
  'nodeStatusReportFrequency',
  'imageMinimumGCAge',
  'imageMaximumGCAge',
  'volumeStatsAggPeriod',
  'cpuManagerReconcilePeriod',
  'runtimeRequestTimeout',
  'cpuCFSQuotaPeriod',
  'evictionPressureTransitionPeriod',
  'containerLogMonitorInterval',
  'logging.flushFrequency',
  'shutdownGracePeriod',
  'shutdownGracePeriodCriticalPods',
  'crashLoopBackOff.maxContainerRestartPeriod',
]);

/** resource.Quantity fields. containerLogMaxSize is a string the kubelet parses as a quantity. */
const QUANTITY_FIELDS = new Set([
  'containerLogMaxSize',
  'logging.options.text.infoBufferSize',
  'logging.options.json.infoBufferSize',
]);

/** map[string]string fields whose values are quantities or percentages (eviction signals, reservations). */
const THRESHOLD_MAPS = new Set([
  'evictionHard',
  'evictionSoft',
  'evictionMinimumReclaim',
  'systemReserved',
  'kubeReserved',
]);
/** map[string]string of durations. */
const DURATION_MAPS = new Set(['evictionSoftGracePeriod']);
/** qosReserved values are percentages ("memory: 50%"). */
const PERCENT_MAPS = new Set(['qosReserved']);

/**
 * Lists whose order carries no meaning for the kubelet: DNS servers are all written to resolv.conf
 * but kubelet passes them through in order, yet operators compare them as a set; cipher suites and
 * sysctls are allow-lists; enforceNodeAllocatable is a set of enforcement targets; taints and
 * reservedMemory are keyed by their content; shutdownGracePeriodByPodPriority is sorted by priority
 * inside the kubelet.
 */
const SET_LISTS = new Set([
  'clusterDNS',
  'tlsCipherSuites',
  'tlsCurvePreferences',
  'enforceNodeAllocatable',
  'allowedUnsafeSysctls',
  'preloadedImagesVerificationAllowlist',
  'registerWithTaints',
  'reservedMemory',
  'shutdownGracePeriodByPodPriority',
]);

/** CRI endpoints: the kubelet dials a unix socket; see endpointCanon. */
const ENDPOINT_FIELDS = new Set(['containerRuntimeEndpoint', 'imageServiceEndpoint']);

/**
 * CRI socket addresses by meaning: a bare path is a unix socket (the kubelet still accepts it, with a warning),
 * and /var/run is the FHS compatibility symlink to /run on every systemd distribution, so
 * `unix:///var/run/containerd/containerd.sock` (what kubeadm-flags.env carries) is the default
 * `unix:///run/containerd/containerd.sock`.
 */
function endpointCanon(value: string): string {
  const withScheme = value.startsWith('/') ? `unix://${value}` : value;
  return withScheme.replace(/^unix:\/\/\/var\/run\//, 'unix:///run/');
}

/**
 * Kind of the leaf at `path` (see the tables above); map children take their parent's value kind.
 * @internal exported for its unit tests
 */
export function fieldKind(path: ConfigPath, value: unknown): FieldKind {
  const joined = path.join('.');
  if (Array.isArray(value)) return SET_LISTS.has(joined) ? 'set' : 'list';
  if (DURATION_FIELDS.has(joined)) return 'duration';
  if (QUANTITY_FIELDS.has(joined)) return 'quantity';
  if (path.length === 2) {
    const parent = path[0] as string;
    if (THRESHOLD_MAPS.has(parent)) return 'threshold';
    if (DURATION_MAPS.has(parent)) return 'duration';
    if (PERCENT_MAPS.has(parent)) return 'percent';
  }
  return 'scalar';
}

/**
 * Nanoseconds of a duration value: Go duration text via lib/domain/durations.ts ("1m0s", "100ms"), or a number
 * taken as nanoseconds because logsapi.TimeOrMetaDuration accepts `flushFrequency: 0` (kubeadm writes exactly
 * that). Undefined for anything else.
 */
export function durationNanos(input: unknown): bigint | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? BigInt(Math.trunc(input)) : undefined;
  // every duration starts with a sign, a digit or "."; skip the (throwing) parser for anything else
  return typeof input === 'string' && /^[+-]?[\d.]/.test(input) ? tryParseGoDuration(input) : undefined;
}

function displayOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? stableJson(v) : String(v))).join(', ');
  if (typeof value === 'object' && value !== null) return stableJson(value);
  return String(value);
}

/** JSON with object keys sorted, so equal objects print equally regardless of key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function scalarCanon(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `s:${value}`;
    case 'number':
      return `n:${value}`;
    case 'boolean':
      return `b:${value}`;
    default:
      return `j:${stableJson(value)}`;
  }
}

function percentCanon(text: string): string | undefined {
  const m = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*%\s*$/.exec(text);
  return m ? `%:${Number(m[1])}` : undefined;
}

function quantityCanon(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const q = tryParseQuantity(value);
  return q ? `q:${q.numerator}/${q.denominator}` : undefined;
}

/** Canonical form of one leaf; see FieldKind. */
export function normalizeLeaf(path: ConfigPath, value: unknown): Normalized {
  const kind = fieldKind(path, value);
  const display = displayOf(value);
  switch (kind) {
    case 'duration': {
      const ns = durationNanos(value);
      return { canon: ns === undefined ? scalarCanon(value) : `d:${ns}`, display };
    }
    case 'quantity':
      return { canon: quantityCanon(value) ?? scalarCanon(value), display };
    case 'threshold':
      // eviction signals take "10%" or a quantity ("100Mi", "2000" pids); reservations take quantities
      return {
        canon:
          (typeof value === 'string' ? percentCanon(value) : undefined) ?? quantityCanon(value) ?? scalarCanon(value),
        display,
      };
    case 'percent':
      return { canon: (typeof value === 'string' ? percentCanon(value) : undefined) ?? scalarCanon(value), display };
    case 'set': {
      const items = (value as unknown[]).map((v) =>
        typeof v === 'object' && v !== null ? stableJson(v) : scalarCanon(v),
      );
      // duplicates are kept: a DNS server listed twice is a (harmless) difference worth showing
      return { canon: `S[${items.sort().join('\u001e')}]`, display };
    }
    case 'list':
      return { canon: `L${stableJson(value)}`, display };
    case 'scalar':
      if (typeof value === 'string' && path.length === 1 && ENDPOINT_FIELDS.has(path[0] as string)) {
        return { canon: `s:${endpointCanon(value)}`, display };
      }
      return { canon: scalarCanon(value), display };
  }
}

/** Human form of a canonical value, so `1024Mi` and `1Gi` can be shown as one value when they agree. */
export function canonicalDisplay(path: ConfigPath, value: unknown): string {
  const kind = fieldKind(path, value);
  if (kind === 'duration') {
    const ns = durationNanos(value);
    if (ns !== undefined) return formatGoDuration(ns);
  }
  if (kind === 'quantity' || kind === 'threshold') {
    if (typeof value === 'string' && percentCanon(value)) return value.trim();
    const q = typeof value === 'string' || typeof value === 'number' ? tryParseQuantity(value) : undefined;
    if (q) return formatQuantity(q);
  }
  return displayOf(value);
}

import reference from '@/lib/reference/kubelet-config-v1beta1-fields.json';
import { parseGoDuration } from './durations';

/**
 * Typed access to the KubeletConfiguration field reference (kubelet.config.k8s.io/v1beta1, read at v1.36.3;
 * see lib/reference/README.md) plus what differs in older kubelets, so a field's default is the default *for
 * that kubelet's version*.
 *
 * Field introduction versions come from `git show v0.<minor>.0:config/v1beta1/types.go` in kubernetes/kubelet
 * for every minor 1.20…1.36 (no field was removed in that range). Default changes come from diffing the
 * "Default:" comments across the same tags plus the notes in the reference and kubelet-flags-deprecations.md.
 */

export type FieldKind = 'bool' | 'int' | 'float' | 'string' | 'duration' | 'quantity' | 'map' | 'list' | 'object';

export interface KubeletField {
  /** dotted JSON path inside KubeletConfiguration ("authentication.webhook.cacheTTL") */
  path: string;
  goType: string;
  kind: FieldKind;
  description: string;
  notes: string | null;
  featureGates: string[];
  /** default at v1.36 as configz serialises it; null = the kubelet fills in nothing */
  defaultV136: unknown;
}

interface RefField {
  path: string;
  goType: string;
  description: string;
  notes: string | null;
  featureGatesMentioned: string[];
  defaultApplied: unknown;
}

function kindOf(goType: string): FieldKind {
  if (/Duration/.test(goType)) return 'duration';
  if (/QuantityValue/.test(goType)) return 'quantity';
  if (/bool$/.test(goType)) return 'bool';
  if (/^\*?(u?int\d*|VerbosityLevel)/.test(goType) || /uint32\)$/.test(goType)) return 'int';
  if (/float/.test(goType)) return 'float';
  if (/^\*?map\[/.test(goType) || goType === 'v1.ResourceList') return 'map';
  if (/^\*?\[\]/.test(goType) || /\(\[\]/.test(goType)) return 'list';
  if (
    /^\*?(string|KubeletAuthorizationMode|ResourceChangeDetectionStrategy|ImagePull\w+|MemoryReservationPolicy)$/.test(
      goType,
    )
  )
    return 'string';
  return 'object';
}

export const KUBELET_FIELDS: readonly KubeletField[] = (reference.fields as RefField[]).map((f) => ({
  path: f.path,
  goType: f.goType,
  kind: kindOf(f.goType),
  description: f.description,
  notes: f.notes,
  featureGates: f.featureGatesMentioned,
  defaultV136: f.defaultApplied,
}));

const BY_PATH = new Map(KUBELET_FIELDS.map((f) => [f.path, f]));

/** Reference entry for a dotted path (list items use "[]": "reservedMemory[].numaNode"). */
export const kubeletField = (path: string): KubeletField | undefined => BY_PATH.get(path);

/** The minor the reference was read at. */
export const REFERENCE_MINOR = Number(/v1\.(\d+)/.exec(reference.kubernetesVersionRead)?.[1] ?? 36);

/** First minor whose v1beta1 types.go has the top-level field (kubernetes/kubelet tags v0.20.0…v0.36.0). */
const FIELD_INTRODUCED_MINOR: Readonly<Record<string, number>> = {
  memoryManagerPolicy: 21,
  reservedMemory: 21,
  enableProfilingHandler: 21,
  enableDebugFlagsHandler: 21,
  cpuManagerPolicyOptions: 22,
  memorySwap: 22,
  seccompDefault: 22,
  memoryThrottlingFactor: 22,
  shutdownGracePeriodByPodPriority: 23,
  registerWithTaints: 23,
  registerNode: 23,
  tracing: 25,
  localStorageCapacityIsolation: 25,
  topologyManagerPolicyOptions: 26,
  maxParallelImagePulls: 27,
  enableSystemLogQuery: 27,
  containerRuntimeEndpoint: 27,
  imageServiceEndpoint: 27,
  imageMaximumGCAge: 29,
  podLogsDir: 30,
  containerLogMaxWorkers: 30,
  containerLogMonitorInterval: 30,
  failCgroupV1: 31,
  singleProcessOOMKill: 32,
  crashLoopBackOff: 32,
  imagePullCredentialsVerificationPolicy: 33,
  preloadedImagesVerificationAllowlist: 33,
  mergeDefaultEvictionSettings: 33,
  userNamespaces: 33,
  tlsCurvePreferences: 36,
  memoryReservationPolicy: 36,
};

const topLevel = (path: string): string => path.split(/[.[]/)[0] ?? path;

/**
 * Whether a kubelet of this minor knows the field (nested paths follow their top-level field).
 */
export function fieldExistsIn(path: string, minor: number): boolean {
  const intro = FIELD_INTRODUCED_MINOR[topLevel(path)];
  return intro === undefined || minor >= intro;
}

/** The minor in which the field first appeared, when after 1.20. */
export const fieldIntroducedIn = (path: string): number | undefined => FIELD_INTRODUCED_MINOR[topLevel(path)];

interface DefaultChange {
  path: string;
  /** the older value applies to kubelets below this minor */
  before: number;
  value: unknown;
  source: string;
}

const EVICTION_HARD_LINUX_PRE_130 = {
  'imagefs.available': '15%',
  'memory.available': '100Mi',
  'nodefs.available': '10%',
  'nodefs.inodesFree': '5%',
};

/** Defaults that changed between 1.20 and 1.36, newest change last per path. */
const DEFAULT_CHANGES: readonly DefaultChange[] = [
  {
    path: 'nodeStatusReportFrequency',
    before: 21,
    value: '1m0s',
    source: 'types.go "Default:" 1m → 5m at v1.21; v1.16 configz capture shows 1m0s',
  },
  {
    path: 'eventRecordQPS',
    before: 27,
    value: 5,
    source: 'types.go "Default:" 5 → 50 at v1.27 (kubernetes/kubernetes PR #116121)',
  },
  { path: 'eventBurst', before: 27, value: 10, source: 'types.go "Default:" 10 → 100 at v1.27' },
  { path: 'kubeAPIQPS', before: 27, value: 5, source: 'types.go "Default:" 5 → 50 at v1.27' },
  { path: 'kubeAPIBurst', before: 27, value: 10, source: 'types.go "Default:" 10 → 100 at v1.27' },
  { path: 'memoryThrottlingFactor', before: 27, value: 0.8, source: 'types.go "Default:" 0.8 → 0.9 at v1.27' },
  {
    path: 'evictionHard',
    before: 30,
    value: EVICTION_HARD_LINUX_PRE_130,
    source: 'imagefs.inodesFree 5% added to the Linux default map in v1.30 (PR #121834)',
  },
  {
    path: 'logging.options.text.infoBufferSize',
    before: 29,
    value: null,
    source: 'text logging options absent from pre-1.29 configz captures (v1.27 capture has only json)',
  },
  { path: 'logging.options', before: 29, value: { json: { infoBufferSize: '0' } }, source: 'v1.27 configz capture' },
  {
    path: 'logging',
    before: 29,
    value: { format: 'text', flushFrequency: '5s', verbosity: 0, options: { json: { infoBufferSize: '0' } } },
    source: 'v1.27 configz capture',
  },
  {
    path: 'failCgroupV1',
    before: 35,
    value: false,
    source: 'failCgroupV1 added v1.31 defaulting false; true from v1.35 (KEP-5573)',
  },
];

/** Windows default eviction map (defaults_windows.go). */
const EVICTION_HARD_WINDOWS = {
  'memory.available': '500Mi',
  'nodefs.available': '10%',
  'imagefs.available': '15%',
};

export interface ResolvedDefault {
  /** false when the field did not exist in that version */
  exists: boolean;
  /** the default the kubelet fills in, null when it fills in nothing */
  value: unknown;
  /** why the value differs from v1.36, or a caveat that applies to this field */
  note?: string;
}

/**
 * The default a kubelet of this minor applies to a field (as configz would show it). Older than 1.20 is
 * answered with 1.20's defaults except where a change is known (e.g. nodeStatusReportFrequency 1m0s).
 */
export function defaultFor(path: string, minor: number, os: 'linux' | 'windows' = 'linux'): ResolvedDefault {
  const field = BY_PATH.get(path);
  if (!fieldExistsIn(path, minor)) {
    return {
      exists: false,
      value: null,
      note: `${topLevel(path)} does not exist before v1.${fieldIntroducedIn(path)}`,
    };
  }
  if (path === 'evictionHard' && os === 'windows') return { exists: true, value: EVICTION_HARD_WINDOWS };
  let value: unknown = field?.defaultV136 ?? null;
  let note: string | undefined;
  // Walk newest→oldest: the earliest `before` that still covers `minor` wins.
  const changes = DEFAULT_CHANGES.filter((c) => c.path === path && minor < c.before).sort(
    (a, b) => a.before - b.before,
  );
  const change = changes[0];
  if (change) {
    value = change.value;
    note = change.source;
  }
  return { exists: true, value, ...(note ? { note } : {}) };
}

/**
 * Equality the way the kubelet means it: durations by nanoseconds ("60s" = "1m0s"), numbers by value, objects
 * and arrays structurally with key order ignored.
 */
export function valuesEqual(a: unknown, b: unknown, kind?: FieldKind): boolean {
  if (kind === 'duration' && typeof a === 'string' && typeof b === 'string') {
    try {
      return parseGoDuration(a) === parseGoDuration(b);
    } catch {
      return a === b;
    }
  }
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]));
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => valuesEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether a value is the "unset" zero value configz omits (empty string, empty list/map, null). */
export function isUnset(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

import { getAtPath, isPlainObject, pathKey } from './config-flatten';
import { durationNanos } from './config-normalize';

import { KUBELET_FIELDS, REFERENCE_MINOR, defaultFor } from './kubelet-fields';

/**
 * Kubelet defaulting (SetDefaults_KubeletConfiguration, kubelet.config.k8s.io/v1beta1) per kubelet minor version,
 * so that "a missing key is compared with that version's default".
 *
 * Per-field defaults and the minor each field appeared in come from lib/domain/kubelet-fields.ts (the shared
 * reference read at v1.36.3 plus known default changes: evictionHard gained imagefs.inodesFree in v1.30,
 * failCgroupV1 defaults true from v1.35, QPS defaults rose in v1.27…). This module adds the defaulter's
 * *behaviour*: which values count as unset, and the rules that couple fields.
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
}

/**
 * Left to the coupled rules in applyDefaults, or not filled by SetDefaults at all: gate-only defaults
 * (crashLoopBackOff.maxContainerRestartPeriod behind KubeletCrashLoopBackOffMax, imagePullCredentialsVerificationPolicy
 * behind KubeletEnsureSecretPulledImages) and userNamespaces.idsPerPod (applied by the userns manager, not
 * the defaulter), which configz does not show when unset.
 */
const NOT_DEFAULTED_HERE = new Set([
  'nodeStatusUpdateFrequency',
  'nodeStatusReportFrequency',
  'serializeImagePulls',
  'crashLoopBackOff.maxContainerRestartPeriod',
  'imagePullCredentialsVerificationPolicy',
  'userNamespaces.idsPerPod',
]);

/** Leaf paths with a default: struct parents whose children carry the defaults (logging) are skipped. */
const DEFAULTABLE = KUBELET_FIELDS.filter(
  (f) =>
    !f.path.includes('[]') &&
    !NOT_DEFAULTED_HERE.has(f.path) &&
    !(f.kind === 'object' && KUBELET_FIELDS.some((c) => c.path.startsWith(`${f.path}.`))),
);

/** "v1.29.15" → 29; undefined when the version is not a 1.x kubelet version. */
export function parseMinor(version: string | undefined): number | undefined {
  const m = /^v?1\.(\d+)(?:\.|$|-|\+)/.exec(version ?? '');
  return m ? Number(m[1]) : undefined;
}

const cache = new Map<number, DefaultEntry[]>();

/** Default entries for a kubelet version: leaf paths, plus map fields such as evictionHard as a whole. */
export function defaultsFor(version: string | undefined): DefaultEntry[] {
  const minor = parseMinor(version) ?? REFERENCE_MINOR;
  const hit = cache.get(minor);
  if (hit) return hit;
  const entries: DefaultEntry[] = [];
  for (const f of DEFAULTABLE) {
    const d = defaultFor(f.path, minor);
    if (!d.exists || d.value === null || d.value === undefined) continue;
    // maps (evictionHard) and lists (enforceNodeAllocatable) are filled only when absent: the kubelet checks nil
    const pointer = f.goType.startsWith('*') || f.kind === 'map' || f.kind === 'list';
    entries.push({ path: f.path.split('.'), value: d.value, pointer });
  }
  cache.set(minor, entries);
  return entries;
}

function isZero(value: unknown): boolean {
  if (value === '' || value === 0 || value === false) return true;
  // cheap pre-check: most strings are paths or names, and a failed duration parse throws internally
  return typeof value === 'string' && /^[+-]?[0.]/.test(value) && durationNanos(value) === 0n;
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
  const updateSet = !!durationNanos(update);
  if (!durationNanos(report)) {
    const minor = parseMinor(version) ?? REFERENCE_MINOR;
    fill(['nodeStatusReportFrequency'], updateSet ? update : defaultFor('nodeStatusReportFrequency', minor).value);
  }
  if (!updateSet) fill(['nodeStatusUpdateFrequency'], '10s');
  if (getAtPath(source, ['serializeImagePulls']) == null) {
    const parallel = getAtPath(source, ['maxParallelImagePulls']);
    fill(['serializeImagePulls'], !(typeof parallel === 'number' && parallel > 1));
  }
  return { config, defaulted };
}

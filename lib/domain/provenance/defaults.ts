import { defaultsFor } from '@/lib/domain/config-defaults';
import { tryParseGoDuration } from '@/lib/domain/durations';
import { defaultFor } from '@/lib/domain/kubelet-fields';

/**
 * What the kubelet fills in for a field nobody set, per minor version, from the shared per-version defaults
 * (lib/domain/config-defaults.ts over lib/domain/kubelet-fields.ts: SetDefaults_KubeletConfiguration plus the
 * known default changes), flattened to provenance's dotted paths. The three coupled fields the shared table
 * leaves to its own rules get their base value here; predict.ts applies the coupling.
 */
export interface VersionDefaults {
  readonly values: Map<string, unknown>;
  /**
   * Non-pointer fields, which SetDefaults fills when they hold Go's zero value: a config file saying
   * `syncFrequency: 0s` (kubeadm's config.yaml is full of them) still ends up with the default.
   */
  readonly zeroDefaulted: Set<string>;
}

export function provenanceDefaults(minor: number): VersionDefaults {
  const values = new Map<string, unknown>();
  const zeroDefaulted = new Set<string>();
  for (const entry of defaultsFor(`v1.${minor}.0`)) {
    const path = entry.path.join('.');
    values.set(path, entry.value);
    if (!entry.pointer) zeroDefaulted.add(path);
  }
  values.set('nodeStatusUpdateFrequency', '10s');
  values.set('nodeStatusReportFrequency', defaultFor('nodeStatusReportFrequency', minor).value);
  values.set('serializeImagePulls', true);
  zeroDefaulted.add('nodeStatusUpdateFrequency').add('nodeStatusReportFrequency');
  return { values, zeroDefaulted };
}

/** The four fields whose starting value differs when the kubelet runs without --config (applyLegacyDefaults in options.go). */
export const LEGACY_DEFAULTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['authentication.anonymous.enabled', true],
  ['authentication.webhook.enabled', false],
  ['authorization.mode', 'AlwaysAllow'],
  ['readOnlyPort', 10255],
]);

/** Go zero value as YAML/configz shows it: 0, "", false, a zero duration. */
export const isGoZero = (v: unknown): boolean => v === 0 || v === '' || v === false || tryParseGoDuration(v) === 0n;

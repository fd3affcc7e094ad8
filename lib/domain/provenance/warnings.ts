import type { FlagOccurrence, ParsedArgv } from './kubelet-flags-parse';
import type { Prediction } from './predict';
import { sourceLabel } from './source';
import type { TokenOrigin } from './exec-start';
import { configValuesEqual } from './values-equal';

type Severity = 'error' | 'warning' | 'info';

export interface ProvenanceWarning {
  readonly severity: Severity;
  readonly code:
    | 'removed-flag'
    | 'unknown-flag'
    | 'deprecated-flag'
    | 'config-flags-deprecated'
    | 'flag-overrides-file'
    | 'flag-repeated'
    | 'invalid-flag-value'
    | 'stray-argument'
    | 'missing-value'
    | 'cgroup-driver-mismatch'
    | 'cgroupfs-on-systemd'
    | 'input';
  readonly message: string;
  readonly flag?: string;
  readonly field?: string;
}

const where = (o?: TokenOrigin): string =>
  o?.variable ? ` (from ${o.variable} in ${o.definedIn ?? o.unit})` : o ? ` (in ExecStart of ${o.unit})` : '';

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Flag problems for a kubelet of minor version `minor`:
 * - removed flags: the kubelet exits with "unknown flag" (list and versions: kubelet-flags-deprecations.md);
 * - flags pflag cannot parse (stray words, single-dash names, missing values, bad values) also stop start-up;
 * - deprecated flags, and the config-bound flags upstream marks "should be set via the config file";
 * - a flag repeated with different values (the last one wins) and a flag overriding a config-file value
 *   with a different one (the flag wins, which is the drift kubeadm users trip on).
 */
export function flagWarnings(parsed: ParsedArgv, prediction: Prediction, minor: number): ProvenanceWarning[] {
  const out: ProvenanceWarning[] = [];
  for (const occ of parsed.occurrences) {
    const info = occ.info;
    if (info.type === 'removed') {
      out.push({
        severity: 'error',
        code: 'removed-flag',
        flag: occ.name,
        message: `--${occ.name} was removed in 1.${info.def.removedIn}${info.def.approximate ? ' (approximately)' : ''}${info.def.note ? ` (${info.def.note})` : ''}. A 1.${minor} kubelet refuses to start with it${where(occ.origin)}.`,
      });
    } else if (info.type === 'unknown') {
      out.push({
        severity: 'error',
        code: 'unknown-flag',
        flag: occ.name,
        message: `--${occ.name} is not a kubelet flag we know of; the kubelet exits on unknown flags${where(occ.origin)}.`,
      });
    } else if (
      info.type === 'kubelet-only' &&
      (info.def.deprecatedSince !== undefined || info.def.removedIn !== undefined)
    ) {
      const when = info.def.removedIn !== undefined ? `; removed in 1.${info.def.removedIn}` : '';
      out.push({
        severity: 'warning',
        code: 'deprecated-flag',
        flag: occ.name,
        message: `--${occ.name} is deprecated${info.def.note ? ` (${info.def.note})` : ''}${when}${where(occ.origin)}.`,
      });
    } else if (info.type === 'config' && info.def.note && /no effect/.test(info.def.note)) {
      out.push({
        severity: 'warning',
        code: 'deprecated-flag',
        flag: occ.name,
        field: info.def.field,
        message: `--${occ.name} ${info.def.note}${where(occ.origin)}.`,
      });
    }
  }
  const configFlags = [
    ...new Set(
      parsed.occurrences.filter((o) => o.info.type === 'config' && !o.info.def.notDeprecated).map((o) => o.name),
    ),
  ];
  if (configFlags.length > 0) {
    out.push({
      severity: 'info',
      code: 'config-flags-deprecated',
      message: `${configFlags.length} flag(s) set KubeletConfiguration fields and are deprecated in favour of the --config file: ${configFlags.map((n) => `--${n}`).join(', ')}.`,
    });
  }
  for (const p of prediction.flagProblems) {
    out.push({
      severity: 'error',
      code: 'invalid-flag-value',
      flag: p.occurrence.name,
      message: `--${p.occurrence.name}: ${p.message}; the kubelet would not start${where(p.occurrence.origin)}.`,
    });
  }
  for (const s of parsed.positional) {
    out.push({
      severity: 'error',
      code: 'stray-argument',
      message: `"${s.text}" is not a flag or a flag value; the kubelet exits with "unknown command"${where(s.origin)}. (A boolean flag takes its value with "=": --flag=false.)`,
    });
  }
  for (const s of parsed.badShorthands) {
    out.push({
      severity: 'error',
      code: 'stray-argument',
      message: `"${s.text}": single-dash long flags are read as shorthands and rejected; use two dashes${where(s.origin)}.`,
    });
  }
  for (const m of parsed.missingValues) {
    out.push({
      severity: 'error',
      code: 'missing-value',
      flag: m.name,
      message: `--${m.name} has no value${where(m.origin)}.`,
    });
  }
  // repeated scalar flags with different values
  const byName = new Map<string, FlagOccurrence[]>();
  for (const occ of parsed.occurrences) byName.set(occ.name, [...(byName.get(occ.name) ?? []), occ]);
  for (const [name, occs] of byName) {
    const distinct = new Set(occs.map((o) => o.value));
    if (occs.length > 1 && distinct.size > 1) {
      const last = occs[occs.length - 1] as FlagOccurrence;
      out.push({
        severity: 'warning',
        code: 'flag-repeated',
        flag: name,
        message: `--${name} is given ${occs.length} times with different values (${occs.map((o) => `"${o.value}"${where(o.origin)}`).join(', ')}); ${
          last.info.type === 'config' &&
          ['stringSlice', 'mapStringString', 'langleMap', 'mapStringBool', 'colonMultimap', 'reservedMemory'].includes(
            last.info.def.kind,
          )
            ? 'the values are combined'
            : `the last one, "${last.value}", wins`
        }.`,
      });
    }
  }
  for (const field of prediction.fields.values()) {
    if (field.source.kind !== 'flag') continue;
    const fileValue = [...field.overridden]
      .reverse()
      .find((o) => o.source.kind === 'config-file' || o.source.kind === 'configmap');
    if (fileValue && !configValuesEqual(fileValue.value, field.value)) {
      out.push({
        severity: 'warning',
        code: 'flag-overrides-file',
        flag: field.source.flag,
        field: field.path,
        message: `${field.path}: ${sourceLabel(field.source)} sets ${show(field.value)}, overriding ${show(fileValue.value)} from the ${sourceLabel(fileValue.source)}.`,
      });
    }
  }
  return out;
}

/**
 * cgroup driver vs the container runtime. The kubelet and the runtime must use the same driver; kubeadm
 * defaults the kubelet to systemd since 1.22 and its docs say to use systemd when systemd is the init system
 * (kubernetes.io "Configuring a cgroup driver"). With containerd's config.toml we compare against
 * `SystemdCgroup`; without it we only warn about cgroupfs on a systemd-managed node.
 */
export function runtimeWarnings(input: {
  cgroupDriver: unknown;
  cgroupDriverSource: string;
  runtimeDriver?: 'systemd' | 'cgroupfs';
  systemdManaged: boolean;
}): ProvenanceWarning[] {
  const { cgroupDriver, runtimeDriver } = input;
  if (runtimeDriver && cgroupDriver !== runtimeDriver) {
    return [
      {
        severity: 'error',
        code: 'cgroup-driver-mismatch',
        field: 'cgroupDriver',
        message: `cgroupDriver is ${show(cgroupDriver)} (${input.cgroupDriverSource}) but containerd uses ${runtimeDriver} (SystemdCgroup = ${runtimeDriver === 'systemd'}); pods fail to start or the kubelet refuses to run when the drivers differ.`,
      },
    ];
  }
  if (!runtimeDriver && input.systemdManaged && cgroupDriver === 'cgroupfs') {
    return [
      {
        severity: 'warning',
        code: 'cgroupfs-on-systemd',
        field: 'cgroupDriver',
        message: `cgroupDriver is cgroupfs (${input.cgroupDriverSource}) on a node managed by systemd; kubeadm recommends systemd for both the kubelet and the runtime so there is one cgroup manager. Paste containerd's config.toml to check the runtime's driver.`,
      },
    ];
  }
  return [];
}

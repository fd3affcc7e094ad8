import { kubeletField } from '@/lib/domain/kubelet-fields';
import { KUBELET_FLAGS, type KubeletFlag } from '@/lib/domain/kubelet-flags';

/**
 * Flag facts for provenance, built on the shared flag ↔ field table (lib/domain/kubelet-flags.ts, from
 * cmd/kubelet/app/options/options.go and kubelet-flags-deprecations.md) plus what that table does not need:
 * how pflag/cliflag parses each value, which decides what a repeated flag does.
 */
export type FlagValueKind =
  /** `--x`, `--x=true|false`; never consumes the next word */
  | 'bool'
  | 'string'
  | 'int'
  | 'float'
  /** Go duration ("1m", "90s"); configz prints Duration.String() */
  | 'duration'
  /** pflag StringSlice: comma-split; the first use replaces the file value, later uses append */
  | 'stringSlice'
  /** cliflag.MapStringString `k=v,k=v`: the first use replaces the file map, later uses merge */
  | 'mapStringString'
  /** cliflag.MapStringStringNoSplit: one `k=v` per use, no comma splitting */
  | 'mapStringStringNoSplit'
  /** cliflag.LangleSeparatedMapStringString `signal<quantity,…` (eviction thresholds) */
  | 'langleMap'
  /** cliflag.MapStringBool `Gate=true,…`: feature gates, merged key by key with the file's gates */
  | 'mapStringBool'
  /** cliflag.ColonSeparatedMultimapStringString `Header:value,…`; every use appends */
  | 'colonMultimap'
  /** utilflag.ReservedMemoryVar `0:memory=1Gi,hugepages-1Gi=2Gi`; every use appends a NUMA node */
  | 'reservedMemory'
  /** utilflag.RegisterWithTaintsVar `key=value:Effect,…` */
  | 'taints'
  /** logsapi `--vmodule pattern=N,…` */
  | 'vmodule';

/** Value types that are not plain scalars/lists/maps, per the `fs.Var(...)` binding in options.go. */
const KIND_OVERRIDES: Readonly<Record<string, FlagValueKind>> = {
  'eviction-hard': 'langleMap',
  'eviction-soft': 'langleMap',
  'feature-gates': 'mapStringBool',
  'manifest-url-header': 'colonMultimap',
  'cpu-manager-policy-options': 'mapStringStringNoSplit',
  'topology-manager-policy-options': 'mapStringStringNoSplit',
  'reserved-memory': 'reservedMemory',
  'register-with-taints': 'taints',
  vmodule: 'vmodule',
  v: 'int',
  'node-labels': 'mapStringString',
};

/** Boolean flags with no config field (KubeletFlags.AddFlags and removed klog/dockershim-era flags). */
const BOOL_ONLY = new Set([
  'exit-on-lock-contention',
  'windows-service',
  'experimental-allocatable-ignore-eviction',
  'register-schedulable',
  'keep-terminated-pod-volumes',
  'experimental-check-node-capabilities-before-mount',
  'containerized',
  'allow-privileged',
  'logtostderr',
  'alsologtostderr',
  'one-output',
  'skip-headers',
  'skip-log-headers',
  'add-dir-header',
  'help',
  'require-kubeconfig',
]);

function kindOf(flag: KubeletFlag): FlagValueKind {
  const override = KIND_OVERRIDES[flag.name];
  if (override) return override;
  if (!flag.field) return BOOL_ONLY.has(flag.name) ? 'bool' : 'string';
  switch (kubeletField(flag.field)?.kind) {
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float';
    case 'duration':
      return 'duration';
    case 'list':
      return 'stringSlice';
    case 'map':
      return 'mapStringString';
    default:
      return 'string';
  }
}

interface ConfigFlag {
  readonly flag: string;
  /** dotted KubeletConfiguration path */
  readonly field: string;
  readonly kind: FlagValueKind;
  /** `-v`, `--vmodule`, `--log-flush-frequency`, `--provider-id` carry no deprecation */
  readonly notDeprecated: boolean;
  readonly note?: string;
}

interface KubeletOnlyFlag {
  readonly flag: string;
  readonly kind: FlagValueKind;
  readonly note?: string;
  /** minor that deprecated it, or 'config-file' (deprecated since flags moved to --config) */
  readonly deprecatedSince?: number | 'config-file';
  /** removed in a later minor than the node's */
  readonly removedIn?: number;
}

interface RemovedFlag {
  readonly flag: string;
  readonly kind: FlagValueKind;
  readonly removedIn: number;
  readonly approximate: boolean;
  readonly note?: string;
}

export type FlagInfo =
  | { readonly type: 'config'; readonly def: ConfigFlag }
  | { readonly type: 'kubelet-only'; readonly def: KubeletOnlyFlag }
  | { readonly type: 'removed'; readonly def: RemovedFlag }
  | { readonly type: 'unknown'; readonly name: string };

const BY_NAME = new Map(KUBELET_FLAGS.map((f) => [f.name, f]));

/** pflag's WordSepNormalizeFunc, which the kubelet installs: `--max_pods` is `--max-pods`. */
export const normalizeFlagName = (name: string): string => name.replace(/_/g, '-');

/**
 * What a flag is for a kubelet of minor version `minor`. Removed at or before that minor → 'removed' (the
 * kubelet exits with "unknown flag"); a config flag whose field the version lacks (e.g.
 * --container-runtime-endpoint before 1.27) → 'kubelet-only'; not in the table → 'unknown'.
 */
export function lookupFlag(rawName: string, minor: number): FlagInfo {
  const name = normalizeFlagName(rawName);
  const f = BY_NAME.get(name);
  if (!f) return { type: 'unknown', name };
  const kind = kindOf(f);
  const note = f.note !== undefined ? { note: f.note } : {};
  if (f.removedIn !== undefined && minor >= f.removedIn) {
    return {
      type: 'removed',
      def: {
        flag: name,
        kind,
        removedIn: f.removedIn,
        approximate: /approximate|not pinned/.test(f.note ?? ''),
        ...note,
      },
    };
  }
  if (f.field && (f.addedIn === undefined || minor >= f.addedIn) && !fieldMissingBefore(f, minor)) {
    return {
      type: 'config',
      def: { flag: name, field: f.field, kind, notDeprecated: f.deprecatedSince === undefined, ...note },
    };
  }
  return {
    type: 'kubelet-only',
    def: {
      flag: name,
      kind,
      ...note,
      ...(f.deprecatedSince !== undefined && f.field === null ? { deprecatedSince: f.deprecatedSince } : {}),
      ...(f.removedIn !== undefined ? { removedIn: f.removedIn } : {}),
    },
  };
}

/** The endpoint flags wrote KubeletFlags (no config field) before 1.27; the shared table says so in a note. */
const fieldMissingBefore = (f: KubeletFlag, minor: number): boolean => /before 1\.27/.test(f.note ?? '') && minor < 27;

/** The value kind of a flag (unknown flags are treated as taking a value, like most kubelet flags). */
export function flagKind(info: FlagInfo): FlagValueKind {
  return info.type === 'unknown' ? 'string' : info.def.kind;
}

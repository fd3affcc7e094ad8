import { CONFIG_FLAGS, type ConfigFlag, type FlagValueKind } from './flag-table';

/**
 * Flags that set no KubeletConfiguration field (KubeletFlags.AddFlags, ContainerRuntimeOptions.AddFlags and
 * the kubelet's global flags in cmd/kubelet/app/options): identity, bootstrap and paths that must not be
 * shared between nodes. They never show up in configz, so provenance lists them as "no config field".
 */
export interface KubeletOnlyFlag {
  readonly flag: string;
  readonly kind: FlagValueKind;
  readonly description: string;
  /** minor release that marked it deprecated */
  readonly deprecatedIn?: number;
  readonly deprecation?: string;
}

const k = (flag: string, kind: FlagValueKind, description: string, extra: Partial<KubeletOnlyFlag> = {}): KubeletOnlyFlag => ({
  flag,
  kind,
  description,
  ...extra,
});

export const KUBELET_ONLY_FLAGS: readonly KubeletOnlyFlag[] = [
  k('config', 'string', 'path of the KubeletConfiguration file'),
  k('config-dir', 'string', 'directory of KubeletConfiguration drop-ins merged over --config (1.28+)'),
  k('kubeconfig', 'string', 'kubeconfig for talking to the API server'),
  k('bootstrap-kubeconfig', 'string', 'kubeconfig used to request the first client certificate (TLS bootstrap)'),
  k('hostname-override', 'string', 'node name used instead of the hostname'),
  k('node-ip', 'string', 'IP address(es) the node reports'),
  k('cert-dir', 'string', 'directory of the kubelet certificates'),
  k('cloud-provider', 'string', 'cloud provider ("" or "external" after 1.31)'),
  k('root-dir', 'string', 'kubelet state directory (default /var/lib/kubelet)'),
  k('node-labels', 'mapStringString', 'labels added when the node registers'),
  k('lock-file', 'string', 'lock file path'),
  k('exit-on-lock-contention', 'bool', 'exit when the lock file is contended'),
  k('image-credential-provider-config', 'string', 'credential provider plugin config'),
  k('image-credential-provider-bin-dir', 'string', 'credential provider plugin binaries'),
  k('runtime-cgroups', 'string', 'cgroup of the container runtime'),
  k('pod-infra-container-image', 'string', 'sandbox (pause) image; the CRI runtime owns it', {
    deprecatedIn: 24,
    deprecation: 'the container runtime configures the sandbox image; removed in 1.35',
  }),
  k('minimum-container-ttl-duration', 'duration', 'container GC age', { deprecatedIn: 10, deprecation: 'use eviction thresholds' }),
  k('maximum-dead-containers-per-container', 'int', 'dead containers kept per container', { deprecatedIn: 10, deprecation: 'use eviction thresholds' }),
  k('maximum-dead-containers', 'int', 'dead containers kept in total', { deprecatedIn: 10, deprecation: 'use eviction thresholds' }),
  k('register-schedulable', 'bool', 'register the node schedulable', { deprecatedIn: 10, deprecation: 'use --register-with-taints' }),
  k('experimental-mounter-path', 'string', 'mounter binary', { deprecatedIn: 19, deprecation: 'use CSI' }),
  k('experimental-check-node-capabilities-before-mount', 'bool', 'check mount binaries first', { deprecatedIn: 19 }),
  k('cloud-config', 'string', 'in-tree cloud provider config', { deprecatedIn: 23, deprecation: 'in-tree cloud providers are gone' }),
  k('experimental-allocatable-ignore-eviction', 'bool', 'ignore hard eviction in allocatable', { deprecatedIn: 23 }),
  k('seccomp-profile-root', 'string', 'seccomp profile directory', { deprecatedIn: 19, deprecation: 'profiles live under <root-dir>/seccomp' }),
  k('windows-service', 'bool', 'run as a Windows service (Windows only)'),
  k('windows-priorityclass', 'string', 'process priority class (Windows only)'),
  k('version', 'string', 'print the version and exit'),
  k('help', 'bool', 'print help and exit'),
];

/**
 * Flags the kubelet no longer knows: passing one makes it exit with "unknown flag" at start-up.
 * Source: /work/shared/reference/kubelet-flags-deprecations.md (PR numbers there).
 */
export interface RemovedFlag {
  readonly flag: string;
  readonly kind: FlagValueKind;
  readonly removedIn: number;
  /** the removal release is approximate in the sources */
  readonly approximate?: true;
  readonly what: string;
  readonly source: string;
}

const DOCKERSHIM = 'dockershim removal, kubernetes/kubernetes PR #106907';
const KLOG = 'klog flag removal, kubernetes/kubernetes PR #112120';
const r = (flag: string, kind: FlagValueKind, removedIn: number, what: string, source: string, approximate?: true): RemovedFlag => ({
  flag,
  kind,
  removedIn,
  what,
  source,
  ...(approximate ? { approximate } : {}),
});

export const REMOVED_FLAGS: readonly RemovedFlag[] = [
  r('cadvisor-port', 'int', 12, 'embedded cAdvisor port', 'kubernetes/kubernetes PR #65707'),
  r('allow-privileged', 'bool', 15, 'allowed privileged containers', 'kubernetes/kubernetes PR #77820'),
  r('containerized', 'bool', 16, 'ran the kubelet in a container', 'kubernetes/kubernetes PR #80043'),
  r('network-plugin', 'string', 24, 'dockershim network plugin (CNI now belongs to the runtime)', DOCKERSHIM),
  r('cni-conf-dir', 'string', 24, 'dockershim CNI config dir', DOCKERSHIM),
  r('cni-bin-dir', 'string', 24, 'dockershim CNI binaries dir', DOCKERSHIM),
  r('cni-cache-dir', 'string', 24, 'dockershim CNI cache dir', DOCKERSHIM),
  r('network-plugin-mtu', 'int', 24, 'dockershim network MTU', DOCKERSHIM),
  r('docker-endpoint', 'string', 24, 'dockershim Docker socket', DOCKERSHIM),
  r('image-pull-progress-deadline', 'duration', 24, 'dockershim pull deadline', DOCKERSHIM),
  r('experimental-dockershim-root-directory', 'string', 24, 'dockershim state dir', DOCKERSHIM),
  r('dynamic-config-dir', 'string', 24, 'Dynamic Kubelet Config checkpoints', 'kubernetes/kubernetes PR #106932'),
  r('container-runtime', 'string', 27, 'docker|remote runtime switch', 'kubernetes/kubernetes PR #114017'),
  ...['log-dir', 'log-file', 'log-file-max-size', 'logtostderr', 'alsologtostderr', 'one-output', 'stderrthreshold',
    'skip-headers', 'skip-log-headers', 'add-dir-header', 'log-backtrace-at'].map((flag) =>
    r(flag, ['logtostderr', 'alsologtostderr', 'one-output', 'skip-headers', 'skip-log-headers', 'add-dir-header'].includes(flag) ? 'bool' : 'string', 26, 'klog output control', KLOG),
  ),
  r('keep-terminated-pod-volumes', 'bool', 30, 'kept terminated pods’ volumes mounted', 'kubernetes/kubernetes PR #122082', true),
  r('azure-container-registry-config', 'string', 30, 'in-tree Azure credential helper', 'Azure/karpenter-provider-azure #338', true),
  r('pod-infra-container-image', 'string', 35, 'sandbox image (the runtime owns it)', 'kubernetes/kubernetes PR #133779'),
];

export type FlagInfo =
  | { readonly type: 'config'; readonly def: ConfigFlag }
  | { readonly type: 'kubelet-only'; readonly def: KubeletOnlyFlag; readonly removed?: RemovedFlag }
  | { readonly type: 'removed'; readonly def: RemovedFlag }
  | { readonly type: 'unknown'; readonly name: string };

const BY_NAME = new Map<string, ConfigFlag>(CONFIG_FLAGS.map((d) => [d.flag, d]));
const ONLY_BY_NAME = new Map<string, KubeletOnlyFlag>(KUBELET_ONLY_FLAGS.map((d) => [d.flag, d]));
const REMOVED_BY_NAME = new Map<string, RemovedFlag>(REMOVED_FLAGS.map((d) => [d.flag, d]));

/** pflag's WordSepNormalizeFunc, which the kubelet installs: `--max_pods` is `--max-pods`. */
export const normalizeFlagName = (name: string): string => name.replace(/_/g, '-');

/**
 * What a flag is for a kubelet of minor version `minor` (e.g. 33 for v1.33.2). A flag removed at or before
 * that minor is 'removed' (the kubelet refuses to start); one removed later is still known.
 */
export function lookupFlag(rawName: string, minor: number): FlagInfo {
  const name = normalizeFlagName(rawName);
  const removed = REMOVED_BY_NAME.get(name);
  if (removed && minor >= removed.removedIn) return { type: 'removed', def: removed };
  const config = BY_NAME.get(name);
  if (config) {
    if (config.fieldSince !== undefined && minor < config.fieldSince) {
      return { type: 'kubelet-only', def: { flag: name, kind: config.kind, description: `no config field before 1.${config.fieldSince}` } };
    }
    return { type: 'config', def: config };
  }
  const only = ONLY_BY_NAME.get(name);
  if (only) return { type: 'kubelet-only', def: only, ...(removed ? { removed } : {}) };
  if (removed) return { type: 'kubelet-only', def: { flag: name, kind: removed.kind, description: removed.what }, removed };
  return { type: 'unknown', name };
}

/** The value kind of a flag (unknown flags are treated as taking a value). */
export function flagKind(info: FlagInfo): FlagValueKind {
  return info.type === 'unknown' ? 'string' : info.def.kind;
}

/** Config flag bound to `field`, if any (for "this field could also be set by --x"). */
export const flagForField = (field: string): ConfigFlag | undefined => CONFIG_FLAGS.find((d) => d.field === field);

import { parseMinor } from './config-defaults';
import type { ConfigPath } from './config-flatten';
import { fieldExistsIn, fieldIntroducedIn } from './kubelet-fields';
import { flagForField } from './kubelet-flags';

/**
 * Why a node's effective kubelet config differs from kubeadm's kube-system/kubelet-config ConfigMap.
 *
 * How kubeadm configures a kubelet (kubernetes.io/docs/setup/production-environment/tools/kubeadm/kubelet-integration/):
 * `kubeadm init/join` downloads the ConfigMap into /var/lib/kubelet/config.yaml once; per-node flags go to
 * /var/lib/kubelet/kubeadm-flags.env as KUBELET_KUBEADM_ARGS (from nodeRegistration.kubeletExtraArgs, plus
 * kubeadm's own such as --node-ip, --hostname-override, and --container-runtime-endpoint before v1.27);
 * users add KUBELET_EXTRA_ARGS in /etc/default/kubelet (DEB) or /etc/sysconfig/kubelet (RPM). The systemd
 * drop-in 10-kubeadm.conf passes both on the command line, and a command-line flag overrides the config file.
 * Since v1.28 (beta, on by default from v1.30) the kubelet also merges drop-in files from --config-dir
 * (kubernetes.io/docs/tasks/administer-cluster/kubelet-config-file/), which override config.yaml.
 *
 * Flag names come from lib/domain/kubelet-flags.ts (cmd/kubelet/app/options/options.go, AddKubeletConfigFlags);
 * most are deprecated in favour of the config file but still honoured.
 */

/**
 * The kubelet flag that sets the field at `path`, if any. Map-valued fields (evictionHard, featureGates,
 * kubeReserved…) are set as a whole by one flag, so a child key resolves to its parent's flag.
 */
export function flagForPath(path: ConfigPath): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const flag = flagForField(path.slice(0, n).join('.'));
    if (flag) return `--${flag.name}`;
  }
  return undefined;
}

/**
 * How a flag would be written to give this value, e.g. `--eviction-hard=memory.available<500Mi`.
 * @internal exported for its unit tests
 */
export function flagExample(path: ConfigPath, value: string): string | undefined {
  const flag = flagForPath(path);
  if (!flag) return undefined;
  if (path.length === 2 && (path[0] === 'evictionHard' || path[0] === 'evictionSoft'))
    return `${flag}=${path[1]}<${value}`;
  if (path.length === 2) return `${flag}=${path[1]}=${value}`;
  return `${flag}=${value}`;
}

type DriftCauseKind = 'flag' | 'local-edit' | 'drop-in' | 'version-default' | 'eviction-replace';

export interface DriftCause {
  kind: DriftCauseKind;
  text: string;
}

export interface DriftExplanation {
  flag?: string;
  /** most likely first */
  causes: DriftCause[];
}

/**
 * Likely causes for a field whose value on the node differs from the ConfigMap's (after both are
 * defaulted for the node's kubelet version).
 *
 * - `configMapSetsIt` false and `nodeValueIsDefault` true: the two sides only differ in defaults, which
 *   means the ConfigMap's defaults were computed for another version; this is a version effect, not an edit.
 * - `nodeHasField` false: the node's kubelet version does not have the field at all.
 * Otherwise, in the order an operator should check: a flag (names it), a drop-in in --config-dir, a local
 * edit of config.yaml.
 */
export function explainConfigMapDrift(
  path: ConfigPath,
  ctx: {
    nodeVersion: string;
    nodeHasField: boolean;
    nodeValueIsDefault: boolean;
    nodeValue?: string;
    /** the node's evictionHard holds other keys: it was set explicitly (file or --eviction-hard) */
    nodeEvictionHardSet?: boolean;
    /** the node's mergeDefaultEvictionSettings (v1.33+), when it reports one */
    mergeDefaultEvictionSettings?: boolean;
  },
): DriftExplanation {
  const flag = flagForPath(path);
  const minor = parseMinor(ctx.nodeVersion);
  if (!ctx.nodeHasField && path[0] === 'evictionHard' && path.length === 2 && ctx.nodeEvictionHardSet) {
    // The kubelet fills the default map only when evictionHard is unset (cmd/kubelet/app/server.go); an explicit
    // map replaces it. mergeDefaultEvictionSettings (v1.33, default false) merges the defaults in instead.
    const merge =
      minor !== undefined && minor < 33
        ? `kubelet ${ctx.nodeVersion} predates mergeDefaultEvictionSettings (v1.33), so an explicit evictionHard always replaces the default map instead of merging with it`
        : `mergeDefaultEvictionSettings is ${ctx.mergeDefaultEvictionSettings ? 'true, yet' : 'false (the default), so'} the explicit map replaced the defaults`;
    return {
      flag,
      causes: [
        {
          kind: 'eviction-replace',
          text: `evictionHard is set explicitly on this node (config file or ${flag ?? '--eviction-hard'}) without ${path[1]}, and ${merge}: ${path[1]} has no hard threshold here. Add it to the node's evictionHard${minor !== undefined && minor >= 33 ? ' or set mergeDefaultEvictionSettings: true' : ''}.`,
        },
      ],
    };
  }
  if (!ctx.nodeHasField) {
    const top = String(path[0] ?? '');
    const unknown = minor !== undefined && !fieldExistsIn(top, minor);
    return {
      flag,
      causes: [
        {
          kind: 'version-default',
          text: unknown
            ? `kubelet ${ctx.nodeVersion} has no ${top} field (added in v1.${fieldIntroducedIn(top)}): a version difference, not drift.`
            : `The node's configz does not report this key although kubelet ${ctx.nodeVersion} knows the field: it was removed from the node's config (a map set without this key, or a zero value the kubelet keeps).`,
        },
      ],
    };
  }
  if (ctx.nodeValueIsDefault) {
    return {
      flag,
      causes: [
        {
          kind: 'version-default',
          text: `The node runs its ${ctx.nodeVersion} default here: config.yaml on the node no longer sets what the ConfigMap sets (a local edit or an older copy of the ConfigMap from a previous kubeadm upgrade).`,
        },
      ],
    };
  }
  const causes: DriftCause[] = [];
  if (flag) {
    const example = ctx.nodeValue !== undefined ? flagExample(path, ctx.nodeValue) : undefined;
    causes.push({
      kind: 'flag',
      text: `A kubelet flag ${example ? `(${example})` : flag} in KUBELET_EXTRA_ARGS (/etc/default/kubelet or /etc/sysconfig/kubelet) or in KUBELET_KUBEADM_ARGS (/var/lib/kubelet/kubeadm-flags.env, from nodeRegistration.kubeletExtraArgs); flags override the config file.`,
    });
  }
  causes.push({
    kind: 'drop-in',
    text: 'A drop-in file in the kubelet --config-dir (for example /etc/kubernetes/kubelet.conf.d/*.conf), merged over config.yaml.',
  });
  causes.push({
    kind: 'local-edit',
    text: 'A local edit of /var/lib/kubelet/config.yaml (kubeadm writes it only at join and `kubeadm upgrade node`).',
  });
  return { flag, causes };
}

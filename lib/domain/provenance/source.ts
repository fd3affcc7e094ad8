import type { TokenOrigin } from './exec-start';

/** Where a predicted value came from, in the order the kubelet applies them. */
export type FieldSource =
  | { readonly kind: 'default'; readonly version: string; readonly note?: string }
  /** no --config: the kubelet's command-line era defaults */
  | { readonly kind: 'legacy-default' }
  | { readonly kind: 'config-file'; readonly file: string }
  /** kubeadm's kube-system/kubelet-config ConfigMap, which kubeadm writes to /var/lib/kubelet/config.yaml */
  | { readonly kind: 'configmap'; readonly name: string }
  /**
   * computed by the kubelet at start from other settings, not read from any layer (e.g. tlsCertFile from --cert-dir
   * when no serving certificate is configured): `rule` says how, `from` what it was derived from
   */
  | { readonly kind: 'derived'; readonly rule: string; readonly from: string }
  | {
      readonly kind: 'flag';
      /** without dashes */
      readonly flag: string;
      readonly written: string;
      /** how many occurrences combined into the value */
      readonly count: number;
      readonly origin?: TokenOrigin;
      /** argv came from a pasted process listing rather than expanded unit files */
      readonly fromProcessList?: boolean;
    };

const short = (path: string): string => path;

/**
 * Human label, e.g. "flag: --max-pods from KUBELET_EXTRA_ARGS (/etc/default/kubelet)",
 * "config file (/var/lib/kubelet/config.yaml)", "default (v1.33)".
 */
export function sourceLabel(s: FieldSource): string {
  switch (s.kind) {
    case 'default':
      return `default (${s.version})${s.note ? `: ${s.note}` : ''}`;
    case 'legacy-default':
      return 'default without --config (legacy command-line default)';
    case 'config-file':
      return `config file (${short(s.file)})`;
    case 'configmap':
      return `ConfigMap ${s.name}`;
    case 'derived':
      return `derived by the kubelet from ${s.from}: ${s.rule}`;
    case 'flag': {
      const more = s.count > 1 ? ` (${s.count} occurrences combined)` : '';
      const o = s.origin;
      if (o?.variable) return `flag: --${s.flag} from ${o.variable} (${o.definedIn ?? o.unit})${more}`;
      if (o) return `flag: --${s.flag} in ExecStart (${o.unit})${more}`;
      return `flag: --${s.flag} on the command line${more}`;
    }
  }
}

/** Short kind for badges and filters. */
export const sourceKind = (s: FieldSource): 'default' | 'config' | 'flag' | 'derived' =>
  s.kind === 'default' || s.kind === 'legacy-default'
    ? 'default'
    : s.kind === 'flag'
      ? 'flag'
      : s.kind === 'derived'
        ? 'derived'
        : 'config';

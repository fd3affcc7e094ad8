/**
 * What each pasted text is. Users paste whatever they have, so the kind can be left to detection: a
 * [Service] section or ExecStart= is a unit/drop-in, KubeletConfiguration (or a configz dump or the kubeadm
 * ConfigMap) is a config file, `SystemdCgroup`/containerd plugin tables are containerd's config.toml, a
 * kubelet binary followed by flags is a command line, and KEY=VALUE lines are an environment file.
 */
export type InputKind = 'unit' | 'env' | 'kubelet-config' | 'command-line' | 'containerd-config';

export interface PastedInput {
  readonly kind: InputKind | 'auto';
  /** the file's path on the node (labels sources); for command lines a free label */
  readonly path: string;
  readonly content: string;
}

export function detectKind(input: PastedInput): InputKind {
  if (input.kind !== 'auto') return input.kind;
  const text = input.content;
  const path = input.path;
  if (/^\s*\[(Service|Unit|Install)\]\s*$/m.test(text) || /^\s*ExecStart\s*=/m.test(text)) return 'unit';
  if (
    /kind:\s*KubeletConfiguration|"kind"\s*:\s*"KubeletConfiguration"|kubelet\.config\.k8s\.io|"kubeletconfig"\s*:/.test(
      text,
    )
  ) {
    return 'kubelet-config';
  }
  if (/SystemdCgroup|io\.containerd\.|^\s*\[plugins/m.test(text) || /containerd.*\.toml$/.test(path))
    return 'containerd-config';
  if (text.includes('\0') || /(^|[\s/─])kubelet\s+-{1,2}[a-z]/m.test(text)) return 'command-line';
  if (/\.(ya?ml|json)$/.test(path)) return 'kubelet-config';
  return 'env';
}

import { YAMLParseError } from 'yaml';
import { isPlainObject } from '@/lib/domain/config-flatten';
import { lineOf, parseBoundedYaml } from '@/lib/domain/yaml-bounded';

/**
 * A pasted KubeletConfiguration file (YAML or JSON, as the kubelet accepts both). kubeadm also stores the
 * same document in the kube-system/kubelet-config ConfigMap under the `kubelet` key, and a user may paste the
 * ConfigMap itself; both are accepted. Errors carry a message without echoing the file's content. Parsing is
 * bounded (lib/domain/yaml-bounded.ts): a hostile shape throws YamlLimitError, which callers refuse outright.
 */
export class ConfigFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigFileError';
  }
}

export function parseKubeletConfigFile(text: string): {
  config: Record<string, unknown>;
  fromConfigMap: boolean;
  /** the YAML parser's warnings (unresolved tags …), for the answer; never logged */
  warnings: string[];
} {
  let doc: unknown;
  let warnings: string[];
  try {
    ({ value: doc, warnings } = parseBoundedYaml(text));
  } catch (err) {
    if (err instanceof YAMLParseError)
      throw new ConfigFileError(`not valid YAML/JSON (${err.code} at line ${lineOf(text, err.pos[0])})`);
    throw err;
  }
  if (!isPlainObject(doc)) throw new ConfigFileError('not a YAML/JSON object');
  if (doc.kind === 'ConfigMap' && isPlainObject(doc.data) && typeof doc.data.kubelet === 'string') {
    const inner = parseKubeletConfigFile(doc.data.kubelet);
    return { config: inner.config, fromConfigMap: true, warnings: [...warnings, ...inner.warnings] };
  }
  if (isPlainObject(doc.kubeletconfig)) return { config: doc.kubeletconfig, fromConfigMap: false, warnings }; // a configz dump
  if (doc.kind !== undefined && doc.kind !== 'KubeletConfiguration') {
    throw new ConfigFileError(`kind is ${JSON.stringify(String(doc.kind)).slice(0, 60)}, not KubeletConfiguration`);
  }
  if (doc.apiVersion !== undefined && doc.apiVersion !== 'kubelet.config.k8s.io/v1beta1') {
    throw new ConfigFileError(`apiVersion ${String(doc.apiVersion).slice(0, 60)} is not kubelet.config.k8s.io/v1beta1`);
  }
  return { config: doc, fromConfigMap: false, warnings };
}

/**
 * containerd's cgroup driver from its config.toml: `SystemdCgroup = true` under the runc options means systemd.
 * A regex, not a TOML parser: the key only appears in that table. Undefined when the file does not say.
 */
export function containerdCgroupDriver(toml: string): 'systemd' | 'cgroupfs' | undefined {
  const lines = toml.split('\n').filter((l) => !l.trim().startsWith('#'));
  const m = lines.map((l) => /^\s*SystemdCgroup\s*=\s*(true|false)\b/.exec(l)).find(Boolean);
  if (!m) return undefined;
  return m[1] === 'true' ? 'systemd' : 'cgroupfs';
}

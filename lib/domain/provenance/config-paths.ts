import { kubeletField } from '@/lib/domain/kubelet-fields';
import { isPlainObject } from '@/lib/domain/config-flatten';

/**
 * Flattening KubeletConfiguration into the units provenance works in. Nested structs (authentication,
 * logging, …) are walked to their leaves, because a flag sets one leaf (`--anonymous-auth` sets
 * `authentication.anonymous.enabled`). Map-valued fields (Go `map[…]`, per the shared field reference) stay
 * whole, because a flag replaces the whole map: `--kube-reserved=cpu=100m` drops the file's
 * `kubeReserved.memory` (cliflag maps start empty on first use).
 */
const isMapField = (path: string): boolean => kubeletField(path)?.kind === 'map';

/** Fields the kubelet serialises but that are not settings (TypeMeta). */
const SKIPPED = new Set(['apiVersion', 'kind']);

/** Dotted leaf path → value. `null`/`undefined` are skipped (omitempty and YAML null both mean unset). */
export function flattenConfig(config: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(config)) {
    if (value === null || value === undefined) continue;
    if (prefix === '' && SKIPPED.has(key)) continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isPlainObject(value) && !isMapField(path) && Object.keys(value).length > 0) {
      for (const [p, v] of flattenConfig(value, path)) out.set(p, v);
    } else if (!(isPlainObject(value) && Object.keys(value).length === 0 && !isMapField(path))) out.set(path, value);
  }
  return out;
}

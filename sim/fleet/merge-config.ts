import { orderConfig, type KubeletConfig } from './kubelet-defaults';

/** Structs the kubelet decodes field by field (a file setting one sub-field keeps the other defaults). */
const STRUCT_FIELDS = new Set(['authentication', 'authorization', 'logging', 'memorySwap', 'crashLoopBackOff']);

function isZero(v: unknown): boolean {
  return v === '' || v === '0s' || v === 0 || v === null || v === undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeStruct(base: unknown, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [k, v] of Object.entries(over)) {
    if (isPlainObject(v)) out[k] = mergeStruct(out[k], v);
    else if (!isZero(v)) out[k] = v;
  }
  return out;
}

/**
 * Apply a config file (or flags) over defaulted config the way the kubelet ends up with it: zero values
 * ("0s", "", 0) in a file are re-defaulted, structs merge per field, and maps/lists (evictionHard,
 * kubeReserved, clusterDNS…) replace the default wholesale — a partial evictionHard drops the other
 * default keys (kubelet docs, "Node-pressure eviction"). Fields the version lacks are dropped.
 */
export function applyConfig(base: KubeletConfig, over: Record<string, unknown>, minor: number): KubeletConfig {
  const out: KubeletConfig = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === 'apiVersion' || k === 'kind') continue;
    if (STRUCT_FIELDS.has(k) && isPlainObject(v)) out[k] = mergeStruct(out[k], v);
    else if (isPlainObject(v) && Object.keys(v).length === 0) continue;
    else if (!isZero(v)) out[k] = v;
  }
  return orderConfig(out, minor);
}

/**
 * The few Kubernetes quantity conversions the fleet needs, kept local so `sim/` never imports the app's lib/.
 * Byte and millicore values are exact bigints; percentages follow the kubelet's float32 arithmetic.
 */

const BINARY: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n };
const DECIMAL: Record<string, bigint> = { k: 10n ** 3n, M: 10n ** 6n, G: 10n ** 9n, T: 10n ** 12n, P: 10n ** 15n };

/** "300Mi" → 314572800n, "1Gi", "1000000", "5G". Integer quantities only (all the fleet writes). */
export function parseBytes(q: string): bigint {
  const m = /^(\d+)([KMGTP]i|[kMGTP])?$/.exec(q);
  if (!m?.[1]) throw new RangeError(`unsupported quantity "${q}"`);
  const unit = m[2];
  const mult = unit === undefined ? 1n : (BINARY[unit] ?? DECIMAL[unit] ?? 1n);
  return BigInt(m[1]) * mult;
}

/** "300m" → 300n, "2" → 2000n, "1.5" → 1500n. */
export function parseCpuMillis(q: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,3}))?(m)?$/.exec(q);
  if (!m?.[1]) throw new RangeError(`unsupported cpu quantity "${q}"`);
  if (m[3]) return BigInt(m[1]);
  return BigInt(m[1]) * 1000n + BigInt((m[2] ?? '').padEnd(3, '0') || '0');
}

/** Millicores as the apiserver canonicalises them: "4", "3400m". */
export function formatCpuMillis(millis: bigint): string {
  return millis % 1000n === 0n ? `${millis / 1000n}` : `${millis}m`;
}

/** Bytes in Ki when exact (how kubelets print memory), else plain bytes. */
export function formatKi(bytes: bigint): string {
  return bytes % 1024n === 0n ? `${bytes / 1024n}Ki` : `${bytes}`;
}

/**
 * An eviction threshold resolved against a capacity, as the kubelet does (pkg/kubelet/eviction/api
 * GetThresholdQuantity): percentages are parsed to float32 and the product truncated to int64.
 */
export function thresholdBytes(value: string, capacityBytes: bigint): bigint {
  if (value.endsWith('%')) {
    const pct = Math.fround(Math.fround(Number(value.slice(0, -1))) / 100);
    return BigInt(Math.trunc(pct * Number(capacityBytes)));
  }
  return parseBytes(value);
}

/**
 * Bytes and CPU for display. Apart from Kubernetes quantity parsing (./quantity.ts) so the node list, which only
 * formats the plain numbers of its wire shape, loads no parser (issue 20).
 */

const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** Human-readable bytes for display ("1.5 GiB"); exact values stay available via quantity.ts formatQuantity. */
export function formatBytes(bytes: number | bigint): string {
  let value = Number(bytes);
  const negative = value < 0;
  value = Math.abs(value);
  let unit = 0;
  while (value >= 1024 && unit < IEC.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${negative ? '-' : ''}${value.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, '$1')} ${IEC[unit]}`;
}

/** CPU for display: "250m" under one core, "1.5" cores above. */
export function formatCpuMillis(millis: number | bigint): string {
  const m = Number(millis);
  if (Math.abs(m) < 1000) return `${Math.round(m)}m`;
  return `${(m / 1000).toFixed(2).replace(/\.?0+$/, '')}`;
}

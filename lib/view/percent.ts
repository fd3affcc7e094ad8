/**
 * Share of allocatable in percent, as `kubectl top node` and `kubectl describe node` print it:
 * `int64(float64(used) / float64(allocatable) * 100)`, i.e. truncated toward zero, so the dashboard
 * and kubectl agree on every number (99.9 % is shown as 99, never as 100).
 * Allocatable, not capacity: it is what pods can actually get (kubectl top node's default).
 * Undefined when usage is unknown or allocatable is zero (a node that reports nothing).
 */
export function percentOfAllocatable(used: number | null | undefined, allocatable: number): number | undefined {
  if (used === null || used === undefined || !Number.isFinite(used)) return undefined;
  if (!(allocatable > 0)) return undefined;
  return Math.trunc((used / allocatable) * 100);
}

/** Colour band for a percentage: requests or usage at 90 % and above leave little headroom. */
export function percentLevel(percent: number): 'ok' | 'warn' | 'critical' {
  return percent >= 90 ? 'critical' : percent >= 75 ? 'warn' : 'ok';
}

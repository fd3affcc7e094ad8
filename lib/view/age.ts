/**
 * Age the way `kubectl get` prints it (k8s.io/apimachinery/pkg/util/duration.HumanDuration): two units
 * while the larger one is small ("5m30s", "7h12m", "5d3h", "2y45d"), one unit after that.
 * Up to 2 s in the future counts as now, to tolerate clock skew between apiserver and browser.
 */
export function humanDuration(seconds: number): string {
  const s = Math.trunc(seconds);
  if (!Number.isFinite(seconds) || s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const minutes = Math.trunc(s / 60);
  if (minutes < 10) return s % 60 === 0 ? `${minutes}m` : `${minutes}m${s % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(s / 3600);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

/**
 * Seconds from an ISO timestamp to `nowMs` (epoch ms); undefined when the timestamp is unparsable.
 * @internal exported for its unit tests
 */
export function ageSeconds(since: string, nowMs: number): number | undefined {
  const from = Date.parse(since);
  if (Number.isNaN(from) || !Number.isFinite(nowMs)) return undefined;
  return (nowMs - from) / 1000;
}

/**
 * The one way the app prints an age (the node list, node header, conditions, CSRs): kubectl-style, from an ISO
 * timestamp to `nowMs` ("5d3h"); "<unknown>" for a missing timestamp, as kubectl prints.
 */
export function formatAge(since: string, nowMs: number): string {
  const age = ageSeconds(since, nowMs);
  return age === undefined ? '<unknown>' : humanDuration(age);
}

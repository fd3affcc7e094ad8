/**
 * Go `time.Duration` text, the form every duration field in KubeletConfiguration uses on the wire
 * (`metav1.Duration` marshals with `Duration.String()`: "1m0s", "100ms", "4h0m0s").
 * Values are exact integer nanoseconds (Go's int64), so "1m0s" and "60s" compare equal.
 */

const UNIT_NS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign, what Go prints
  μs: 1_000n, // U+03BC greek mu, also accepted by time.ParseDuration
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

class DurationParseError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not a Go duration`);
    this.name = 'DurationParseError';
  }
}

const PART_RE = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Parses Go duration text into nanoseconds, following time.ParseDuration: an optional sign, then one or more
 * decimal numbers each with a unit (ns, us/µs, ms, s, m, h). "0" alone is allowed; a bare number is not.
 */
export function parseGoDuration(input: string): bigint {
  let text = input.trim();
  let negative = false;
  if (text.startsWith('-') || text.startsWith('+')) {
    negative = text.startsWith('-');
    text = text.slice(1);
  }
  if (text === '0') return 0n;
  if (text === '') throw new DurationParseError(input);
  let total = 0n;
  PART_RE.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    PART_RE.lastIndex = pos;
    const m = PART_RE.exec(text);
    if (!m) throw new DurationParseError(input);
    const [, num = '', unit = ''] = m;
    const unitNs = UNIT_NS[unit] as bigint;
    const [whole = '', frac = ''] = num.split('.');
    total += BigInt(whole || '0') * unitNs;
    if (frac) total += (BigInt(frac) * unitNs) / 10n ** BigInt(frac.length); // Go truncates sub-ns fractions
    pos = PART_RE.lastIndex;
  }
  return negative ? -total : total;
}

/** Like parseGoDuration but undefined for anything that is not duration text. */
export function tryParseGoDuration(input: unknown): bigint | undefined {
  if (typeof input !== 'string') return undefined;
  try {
    return parseGoDuration(input);
  } catch {
    return undefined;
  }
}

function fraction(value: bigint, digits: number): string {
  // value < 10^digits; print without trailing zeros, with a leading "." when non-zero
  if (value === 0n) return '';
  return `.${value.toString().padStart(digits, '0').replace(/0+$/, '')}`;
}

/**
 * Formats nanoseconds exactly as Go's Duration.String(): "0s", "1.5µs", "100ms", "1m0s", "4h0m0s", "1h30m0.5s".
 * Used to show a field's value and default the way the kubelet itself prints them.
 */
export function formatGoDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const sign = ns < 0n ? '-' : '';
  const u = ns < 0n ? -ns : ns;
  if (u < 1_000_000_000n) {
    if (u < 1_000n) return `${sign}${u}ns`;
    if (u < 1_000_000n) return `${sign}${u / 1_000n}${fraction(u % 1_000n, 3)}µs`;
    return `${sign}${u / 1_000_000n}${fraction(u % 1_000_000n, 6)}ms`;
  }
  const seconds = u / 1_000_000_000n;
  const secText = `${seconds % 60n}${fraction(u % 1_000_000_000n, 9)}s`;
  const minutes = seconds / 60n;
  if (minutes === 0n) return `${sign}${secText}`;
  const hours = minutes / 60n;
  if (hours === 0n) return `${sign}${minutes}m${secText}`;
  return `${sign}${hours}h${minutes % 60n}m${secText}`;
}

/** Canonical form of duration text ("60s" → "1m0s"), or undefined when it is not a duration. */
export function normalizeGoDuration(input: unknown): string | undefined {
  const ns = tryParseGoDuration(input);
  return ns === undefined ? undefined : formatGoDuration(ns);
}

/** Short human reading for display next to the exact value ("4h0m0s" → "4 h"); the exact text stays visible. */
export function describeDuration(ns: bigint): string {
  const ms = Number(ns) / 1e6;
  const abs = Math.abs(ms);
  if (abs === 0) return '0';
  if (abs < 1000) return `${ms} ms`;
  if (abs < 60_000) return `${ms / 1000} s`;
  if (abs < 3_600_000) return `${+(ms / 60_000).toFixed(2)} min`;
  return `${+(ms / 3_600_000).toFixed(2)} h`;
}

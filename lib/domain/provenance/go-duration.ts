/**
 * Go `time.Duration` text, as kubelet flags accept it (`time.ParseDuration`) and configz prints it
 * (`Duration.String()`): "1m" on a flag is "1m0s" in configz, "90s" is "1m30s", "0" is "0s".
 * Comparing durations in that canonical form is what lets a flag value be matched to a live field.
 */

const UNIT_NS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n,
  'μs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const PART_RE = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/;

/** Nanoseconds of a Go duration string, or undefined when `time.ParseDuration` would reject it. */
export function parseGoDuration(text: string): bigint | undefined {
  let s = text.trim();
  if (s === '0' || s === '+0' || s === '-0') return 0n;
  let sign = 1n;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s.startsWith('-')) sign = -1n;
    s = s.slice(1);
  }
  if (s === '') return undefined;
  let total = 0n;
  while (s !== '') {
    const m = PART_RE.exec(s);
    if (!m) return undefined;
    const [whole, intPart = '', frac = '', unit = ''] = m;
    if (intPart === '' && frac === '') return undefined;
    const scale = UNIT_NS[unit] as bigint;
    total += BigInt(intPart || '0') * scale;
    if (frac) total += (BigInt(frac) * scale) / 10n ** BigInt(frac.length);
    s = s.slice(whole.length);
  }
  return sign * total;
}

/** Go's `Duration.String()`: "1h2m3.5s", "1.5ms", "0s". */
export function formatGoDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  const sign = neg ? '-' : '';
  if (u < 1_000_000_000n) {
    // sub-second: a single unit with a fraction, as Go prints it
    const [unit, scale] = u < 1_000n ? ['ns', 1n] : u < 1_000_000n ? ['µs', 1_000n] : ['ms', 1_000_000n];
    return `${sign}${fraction(u, scale as bigint)}${unit}`;
  }
  const h = u / 3_600_000_000_000n;
  u %= 3_600_000_000_000n;
  const m = u / 60_000_000_000n;
  u %= 60_000_000_000n;
  const secs = fraction(u, 1_000_000_000n);
  if (h > 0n) return `${sign}${h}h${m}m${secs}s`;
  if (m > 0n) return `${sign}${m}m${secs}s`;
  return `${sign}${secs}s`;
}

function fraction(value: bigint, scale: bigint): string {
  const whole = value / scale;
  const rest = value % scale;
  if (rest === 0n) return whole.toString();
  const digits = scale.toString().length - 1;
  return `${whole}.${rest.toString().padStart(digits, '0').replace(/0+$/, '')}`;
}

/** Canonical Go form of a duration string, or the input unchanged when it does not parse. */
export function canonicalGoDuration(text: string): string {
  const ns = parseGoDuration(text);
  return ns === undefined ? text : formatGoDuration(ns);
}

/**
 * Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource), parsed once into an exact rational.
 *
 * We do not use client-node's `quantityToScalar`: it mixes number and bigint and throws on "1.5Gi".
 * Grammar (from resource.Quantity): <sign><digits>[.<digits>]<suffix>, where the suffix is a binary SI
 * unit (Ki Mi Gi Ti Pi Ei), a decimal SI unit (n u m "" k M G T P E) or a decimal exponent (e3, E-2).
 */
export interface Quantity {
  /** value = numerator / denominator, denominator > 0, exact */
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const QUANTITY_RE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

/** @internal exported for its unit tests */
export class QuantityParseError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not a valid Kubernetes quantity`);
    this.name = 'QuantityParseError';
  }
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Parses a quantity string or throws QuantityParseError. Numbers are accepted as plain decimal values. */
export function parseQuantity(input: string | number): Quantity {
  const text = typeof input === 'number' ? numberToText(input) : input.trim();
  const m = QUANTITY_RE.exec(text);
  if (!m) throw new QuantityParseError(String(input));
  const [, sign = '', digits = '', suffix, exponent] = m;
  const [whole = '', frac = ''] = digits.split('.');
  let numerator = BigInt((whole || '0') + frac) * (sign === '-' ? -1n : 1n);
  let exp10 = -frac.length;
  if (exponent !== undefined) {
    if (Math.abs(Number(exponent)) > 64) throw new QuantityParseError(String(input));
    exp10 += Number(exponent);
  } else if (suffix && suffix in BINARY) {
    numerator *= BINARY[suffix] as bigint;
  } else {
    exp10 += DECIMAL[suffix ?? ''] ?? 0;
  }
  const denominator = exp10 < 0 ? pow10(-exp10) : 1n;
  if (exp10 > 0) numerator *= pow10(exp10);
  return reduce(numerator, denominator);
}

/** Like parseQuantity but returns undefined instead of throwing (for optional wire fields). */
export function tryParseQuantity(input: string | number | undefined | null): Quantity | undefined {
  if (input === undefined || input === null || input === '') return undefined;
  try {
    return parseQuantity(input);
  } catch {
    return undefined;
  }
}

function numberToText(n: number): string {
  if (!Number.isFinite(n)) throw new QuantityParseError(String(n));
  // Exponent notation from toString ("1e+21") is within the grammar once the "+" is kept.
  return String(n);
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
}

function reduce(numerator: bigint, denominator: bigint): Quantity {
  const g = gcd(numerator, denominator) || 1n;
  return { numerator: numerator / g, denominator: denominator / g };
}

/** ceil(value × 10^scale), as resource.Quantity.ScaledValue rounds: MilliValue is scale 3, Value is scale 0. */
function scaledValue(q: Quantity, scale: number): bigint {
  const num = scale >= 0 ? q.numerator * pow10(scale) : q.numerator;
  const den = scale >= 0 ? q.denominator : q.denominator * pow10(-scale);
  const quotient = num / den;
  return num % den !== 0n && num > 0n ? quotient + 1n : quotient;
}

/** Integer value rounded up (bytes, pods, pids). */
export const toUnits = (q: Quantity): bigint => scaledValue(q, 0);
/** Thousandths rounded up (CPU millicores). */
export const toMillis = (q: Quantity): bigint => scaledValue(q, 3);

export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export const quantitiesEqual = (a: Quantity, b: Quantity): boolean => compareQuantities(a, b) === 0;

export const addQuantities = (a: Quantity, b: Quantity): Quantity =>
  reduce(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);

/**
 * Canonical text the way the apiserver prints it: binary suffix when the value is a whole multiple of 1024^k
 * and was a byte-like value, otherwise the largest decimal SI suffix that keeps an integer. Used to show
 * equal quantities identically ("1Gi" and "1024Mi" both print "1Gi").
 */
export function formatQuantity(q: Quantity, style: 'binary' | 'decimal' = 'binary'): string {
  if (q.denominator === 1n) {
    const v = q.numerator;
    if (v === 0n) return '0';
    if (style === 'binary') {
      for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'] as const) {
        const unit = BINARY[suffix] as bigint;
        if (v % unit === 0n) return `${v / unit}${suffix}`;
      }
    }
    for (const [suffix, exp] of [
      ['E', 18],
      ['P', 15],
      ['T', 12],
      ['G', 9],
      ['M', 6],
      ['k', 3],
    ] as const) {
      if (v % pow10(exp) === 0n) return `${v / pow10(exp)}${suffix}`;
    }
    return v.toString();
  }
  for (const [suffix, exp] of [
    ['m', 3],
    ['u', 6],
    ['n', 9],
  ] as const) {
    const scaled = q.numerator * pow10(exp);
    if (scaled % q.denominator === 0n) return `${scaled / q.denominator}${suffix}`;
  }
  return `${scaledValue(q, 9)}n`; // finer than nano is not representable; round up like the apiserver
}

import { quantitiesEqual, tryParseQuantity } from '@/lib/domain/quantity';
import { tryParseGoDuration } from '@/lib/domain/durations';
import { isPlainObject } from '@/lib/domain/config-flatten';

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (isPlainObject(v) && Object.keys(v).length === 0);

/**
 * Whether a predicted value and a live configz value mean the same setting. configz omits empty values
 * (omitempty), prints durations in Go form and keeps map values as written, so: empty ≡ absent, "1m" ≡ "1m0s",
 * "1Gi" ≡ "1024Mi", "64" ≡ 64. Percentages compare as text.
 */
export function configValuesEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => configValuesEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!configValuesEqual(a[k], b[k])) return false;
    return true;
  }
  if (typeof a === 'string' && typeof b === 'string') return scalarTextEqual(a, b);
  if (typeof a === 'number' && typeof b === 'string') return scalarTextEqual(String(a), b);
  if (typeof a === 'string' && typeof b === 'number') return scalarTextEqual(a, String(b));
  return a === b;
}

function scalarTextEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (/[a-zµ]$/.test(a) && /[a-zµ]$/.test(b) && /^[\d.]/.test(a)) {
    const da = tryParseGoDuration(a);
    const db = tryParseGoDuration(b);
    if (da !== undefined && db !== undefined) return da === db;
  }
  if (a.endsWith('%') || b.endsWith('%'))
    return Number(a.slice(0, -1)) === Number(b.slice(0, -1)) && a.endsWith('%') && b.endsWith('%');
  const qa = tryParseQuantity(a);
  const qb = tryParseQuantity(b);
  return qa !== undefined && qb !== undefined && quantitiesEqual(qa, qb);
}

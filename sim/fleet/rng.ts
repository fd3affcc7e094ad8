/**
 * Seeded randomness. Everything in the fleet derives from `seed` plus a stable string key, so the same seed
 * always yields the same cluster and a node's numbers do not shift when another node is added.
 */

/** FNV-1a 32-bit hash of a string, mixed with a seed. */
export function hash32(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max] */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  hex(chars: number): string;
  /** lowercase alphanumerics, as Kubernetes generateName suffixes use (no vowels) */
  suffix(chars: number): string;
  uuid(): string;
}

const HEX = '0123456789abcdef';
const VARIANT = '89ab';

/** mulberry32: tiny, fast and good enough for simulated data. */
export function createRng(seed: number, key = ''): Rng {
  let a = hash32(seed, key);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  // Build from char codes: `s += c` in a loop leaves V8 rope strings that cost ~32 bytes per character,
  // which matters for 150 000 pods' uids and container IDs.
  const fromAlphabet = (alphabet: string, n: number) => {
    const codes = new Array<number>(n);
    for (let i = 0; i < n; i++) codes[i] = alphabet.charCodeAt(Math.floor(next() * alphabet.length));
    return String.fromCharCode(...codes);
  };
  const hex = (n: number) => fromAlphabet(HEX, n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    hex,
    // k8s.io/apimachinery/pkg/util/rand: "bcdfghjklmnpqrstvwxz2456789"
    suffix: (n) => fromAlphabet('bcdfghjklmnpqrstvwxz2456789', n),
    // one flat string, same draws as `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`
    uuid: () => {
      const codes = new Array<number>(36);
      for (let i = 0; i < 36; i++) {
        if (i === 8 || i === 13 || i === 18 || i === 23)
          codes[i] = 45; // '-'
        else if (i === 14)
          codes[i] = 52; // '4': version 4
        else if (i === 19) codes[i] = VARIANT.charCodeAt(int(0, 3));
        else codes[i] = HEX.charCodeAt(Math.floor(next() * 16));
      }
      return String.fromCharCode(...codes);
    },
  };
}

/**
 * Smooth deterministic wave in [-1, 1]: three incommensurate sines with phases from the key.
 * Used for usage that "moves" over time without ever jumping.
 */
export function wave(seed: number, key: string, tSeconds: number): number {
  return waveOfHash(hash32(seed, key), tSeconds);
}

/** `wave` with the key already hashed (hot paths hash each key once). */
export function waveOfHash(h: number, tSeconds: number): number {
  const p1 = ((h & 0xff) / 256) * 2 * Math.PI;
  const p2 = (((h >>> 8) & 0xff) / 256) * 2 * Math.PI;
  const p3 = (((h >>> 16) & 0xff) / 256) * 2 * Math.PI;
  return (
    0.5 * Math.sin((2 * Math.PI * tSeconds) / 613 + p1) +
    0.3 * Math.sin((2 * Math.PI * tSeconds) / 1831 + p2) +
    0.2 * Math.sin((2 * Math.PI * tSeconds) / 5407 + p3)
  );
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayPrefixes = new Map<number, string>();

/**
 * metav1.Time on the wire: RFC 3339 in UTC with whole seconds ("2026-03-01T12:00:00Z"). The date part is
 * cached per day: Date#toISOString for every pod timestamp was a visible share of scale startup.
 */
export function rfc3339(d: Date | number): string {
  const seconds = Math.floor((typeof d === 'number' ? d : d.getTime()) / 1000);
  const day = Math.floor(seconds / 86400);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size > 100_000) dayPrefixes.clear();
    prefix = new Date(day * 86400000).toISOString().slice(0, 11); // "2026-03-01T"
    dayPrefixes.set(day, prefix);
  }
  const s = seconds - day * 86400;
  return `${prefix}${TWO_DIGITS[Math.floor(s / 3600)] ?? ''}:${TWO_DIGITS[Math.floor(s / 60) % 60] ?? ''}:${TWO_DIGITS[s % 60] ?? ''}Z`;
}

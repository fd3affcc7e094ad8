/** Characters that end a name's segment: `-` in node names, `.` in hostnames, `/` `=` `:` in taints and labels. */
const SEPARATORS = new Set(['-', '.', '_', '/', ':', '=', '@']);

export interface MiddleSplit {
  /** shrinks with an ellipsis at its end when space runs out */
  head: string;
  /** always shown whole: the part that tells similar names apart */
  tail: string;
}

/**
 * Where to cut a long value so that truncation happens in the middle and its end stays readable. Fleet names
 * share long prefixes and differ at the end (GKE `gke-<cluster>-<pool>-<hash>-<4 chars>`, EKS/AKS
 * `…-vmss000003`, taints `key=value:NoSchedule`), so the tail is the last segment, starting at a separator,
 * of `minTail`…`maxTail` characters (the longest that fits, so related segments stay together); without such a
 * separator, the last `fallbackTail` characters. Short values are not split. `head + tail` is always `text`.
 */
export function splitForMiddleTruncation(
  text: string,
  { minTail = 4, maxTail = 12, fallbackTail = 8 }: { minTail?: number; maxTail?: number; fallbackTail?: number } = {},
): MiddleSplit {
  const chars = [...text]; // code points: never cut a surrogate pair in half
  if (chars.length <= maxTail + 4) return { head: text, tail: '' };
  for (let i = chars.length - maxTail; i <= chars.length - minTail; i++) {
    if (SEPARATORS.has(chars[i]!)) return { head: chars.slice(0, i).join(''), tail: chars.slice(i).join('') };
  }
  return { head: chars.slice(0, -fallbackTail).join(''), tail: chars.slice(-fallbackTail).join('') };
}

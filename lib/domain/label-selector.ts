/**
 * Kubernetes label selectors as kubectl and the apiserver read them (k8s.io/apimachinery/pkg/labels/selector.go,
 * `labels.Parse`): comma-separated requirements, each one of
 *   key | !key | key=value | key==value | key!=value | key in (a,b) | key notin (a,b) | key>N | key<N
 * ANDed together. `!=` and `notin` also match objects without the key, as upstream. Matching happens here
 * against nodes the fleet layer already watches, so a filtered view costs no LIST.
 */
export type Requirement =
  | { key: string; op: 'exists' | '!exists' }
  | { key: string; op: 'in' | 'notin'; values: readonly string[] }
  | { key: string; op: 'gt' | 'lt'; value: number };

export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelSelectorError';
  }
}

// validation.IsQualifiedName: optional DNS-1123 subdomain prefix + "/", then a name of ≤ 63 chars
const NAME = '[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?';
const KEY_RE = new RegExp(`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?${NAME}$`);
// validation.IsValidLabelValue: empty, or ≤ 63 chars of alphanumerics, '-', '_', '.', alphanumeric at both ends
const VALUE_RE = new RegExp(`^(${NAME})?$`);

function checkKey(key: string): string {
  if (!KEY_RE.test(key) || (key.includes('/') && key.split('/')[0]!.length > 253))
    throw new LabelSelectorError(`"${key}" is not a valid label key`);
  return key;
}

function checkValue(value: string): string {
  if (!VALUE_RE.test(value)) throw new LabelSelectorError(`"${value}" is not a valid label value`);
  return value;
}

/** Splits on commas outside parentheses ("a in (x,y),b" → ["a in (x,y)", "b"]). */
function splitRequirements(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) throw new LabelSelectorError('unbalanced ")"');
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (depth !== 0) throw new LabelSelectorError('unbalanced "("');
  parts.push(current);
  return parts.map((p) => p.trim());
}

function parseRequirement(text: string): Requirement {
  if (text === '') throw new LabelSelectorError('empty requirement');
  let m = /^!\s*(\S+)$/.exec(text);
  if (m) return { key: checkKey(m[1]!), op: '!exists' };
  m = /^(\S+?)\s+(in|notin)\s*\((.*)\)$/.exec(text);
  if (m) {
    const values = m[3]!.split(',').map((v) => checkValue(v.trim()));
    return { key: checkKey(m[1]!), op: m[2] as 'in' | 'notin', values };
  }
  m = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/.exec(text);
  if (m) {
    const key = checkKey(m[1]!);
    const [, , op, raw] = m;
    const value = raw!.trim();
    if (op === '>' || op === '<') {
      if (!/^-?\d+$/.test(value)) throw new LabelSelectorError(`"${value}" is not an integer (for ${op})`);
      return { key, op: op === '>' ? 'gt' : 'lt', value: Number(value) };
    }
    return { key, op: op === '!=' ? 'notin' : 'in', values: [checkValue(value)] };
  }
  if (/^\S+$/.test(text)) return { key: checkKey(text), op: 'exists' };
  throw new LabelSelectorError(`cannot read "${text}"`);
}

/** Parses a selector; "" selects everything. Throws LabelSelectorError with what is wrong. */
export function parseLabelSelector(text: string): Requirement[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return splitRequirements(trimmed).map(parseRequirement);
}

function matches(r: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.op) {
    case 'exists':
      return has;
    case '!exists':
      return !has;
    case 'in':
      return has && r.values.includes(value!);
    case 'notin':
      return !has || !r.values.includes(value!);
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value!)) return false;
      return r.op === 'gt' ? Number(value) > r.value : Number(value) < r.value;
    }
  }
}

/** Whether every requirement holds for these labels. */
export const matchesSelector = (selector: readonly Requirement[], labels: Readonly<Record<string, string>>): boolean =>
  selector.every((r) => matches(r, labels));

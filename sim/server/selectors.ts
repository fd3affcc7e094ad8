/**
 * Label and field selectors with the grammar of k8s.io/apimachinery/pkg/labels and pkg/fields:
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, comma-joined (commas inside parentheses
 * belong to the set). Parse errors become 400 BadRequest like the apiserver's.
 */
import { badRequest } from './status';

type Requirement =
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

export type Selector = Requirement[];

const KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** Splits on top-level commas only. */
function splitTopLevel(input: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of input) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function checkKey(key: string, whole: string): string {
  if (!KEY.test(key)) throw badRequest(`unable to parse requirement: invalid label key "${key}" in "${whole}"`);
  return key;
}

function checkValue(value: string, whole: string): string {
  if (!VALUE.test(value) || value.length > 63)
    throw badRequest(`unable to parse requirement: invalid label value "${value}" in "${whole}"`);
  return value;
}

function parseRequirement(part: string): Requirement {
  const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(part);
  if (setMatch) {
    const [, key = '', op, list = ''] = setMatch;
    const values = list.split(',').map((v) => checkValue(v.trim(), part));
    return { key: checkKey(key, part), op: op === 'in' ? 'in' : 'notin', values };
  }
  if (part.startsWith('!')) return { key: checkKey(part.slice(1).trim(), part), op: 'notexists' };
  const eqMatch = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
  if (eqMatch) {
    const [, key = '', op, value = ''] = eqMatch;
    return { key: checkKey(key, part), op: op === '!=' ? 'neq' : 'eq', value: checkValue(value.trim(), part) };
  }
  if (/\s/.test(part) || /[()=!<>]/.test(part))
    throw badRequest(`unable to parse requirement: found '${part}', expected: in, notin, =, ==, !=, gt, lt`);
  return { key: checkKey(part, part), op: 'exists' };
}

export function parseLabelSelector(input: string | null): Selector {
  if (!input) return [];
  return splitTopLevel(input).map(parseRequirement);
}

export function matchesLabels(selector: Selector, labels: Record<string, string> | undefined): boolean {
  for (const r of selector) {
    const v = labels?.[r.key];
    switch (r.op) {
      case 'eq':
        if (v !== r.value) return false;
        break;
      case 'neq':
        if (v === r.value) return false;
        break;
      case 'in':
        if (v === undefined || !r.values.includes(v)) return false;
        break;
      case 'notin':
        if (v !== undefined && r.values.includes(v)) return false;
        break;
      case 'exists':
        if (v === undefined) return false;
        break;
      case 'notexists':
        if (v !== undefined) return false;
        break;
    }
  }
  return true;
}

export interface FieldRequirement {
  field: string;
  op: 'eq' | 'neq';
  value: string;
}

/** Field selectors support only =, == and != on the fields each resource registers. */
export function parseFieldSelector(input: string | null, supported: readonly string[]): FieldRequirement[] {
  if (!input) return [];
  return splitTopLevel(input).map((part) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part);
    if (!m) throw badRequest(`invalid selector: '${part}'; can't understand '${part}'`);
    const [, field = '', op, value = ''] = m;
    if (!supported.includes(field)) throw badRequest(`field label not supported: ${field}`);
    return { field, op: op === '!=' ? 'neq' : 'eq', value };
  });
}

export function matchesFields(reqs: FieldRequirement[], get: (field: string) => string | undefined): boolean {
  for (const r of reqs) {
    const v = get(r.field) ?? '';
    if (r.op === 'eq' ? v !== r.value : v === r.value) return false;
  }
  return true;
}

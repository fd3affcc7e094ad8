import type { FlagValueKind } from './flag-lookup';
import { normalizeGoDuration } from '@/lib/domain/durations';

/**
 * Flag text → the value the field holds, in configz's JSON form, following the pflag/cliflag value types
 * (k8s.io/component-base/cli/flag). Throws FlagValueError on text the kubelet would reject at start-up.
 */
export class FlagValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlagValueError';
  }
}

/** strconv.ParseBool, which pflag's bool flags use. */
function parseGoBool(text: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  throw new FlagValueError(`"${text}" is not a boolean`);
}

const pairs = (text: string, sep: string, what: string): Array<[string, string]> => {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const at = part.indexOf(sep);
    if (at <= 0) throw new FlagValueError(`"${part}" is not ${what}`);
    return [part.slice(0, at).trim(), part.slice(at + sep.length).trim()];
  });
};

/** The value one occurrence of a flag carries on its own. */
export function convertFlagValue(kind: FlagValueKind, text: string): unknown {
  switch (kind) {
    case 'bool':
      return parseGoBool(text);
    case 'int': {
      if (!/^[+-]?\d+$/.test(text.trim())) throw new FlagValueError(`"${text}" is not an integer`);
      return Number(text.trim());
    }
    case 'float': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) throw new FlagValueError(`"${text}" is not a number`);
      return n;
    }
    case 'duration': {
      const canonical = normalizeGoDuration(text);
      if (canonical === undefined) throw new FlagValueError(`"${text}" is not a Go duration (e.g. 1m30s)`);
      return canonical;
    }
    case 'string':
      return text;
    case 'stringSlice':
      return text === '' ? [] : text.split(',').map((s) => s.trim());
    case 'mapStringString':
      return Object.fromEntries(pairs(text, '=', 'key=value'));
    case 'mapStringStringNoSplit': {
      const at = text.indexOf('=');
      if (at <= 0) throw new FlagValueError(`"${text}" is not key=value`);
      return { [text.slice(0, at).trim()]: text.slice(at + 1).trim() };
    }
    case 'langleMap':
      return Object.fromEntries(pairs(text, '<', 'signal<quantity'));
    case 'mapStringBool':
      return Object.fromEntries(pairs(text, '=', 'Gate=bool').map(([k, v]) => [k, parseGoBool(v)]));
    case 'colonMultimap': {
      const out: Record<string, string[]> = {};
      for (const [k, v] of pairs(text, ':', 'Header:value')) (out[k] ??= []).push(v);
      return out;
    }
    case 'reservedMemory': {
      const colon = text.indexOf(':');
      const numa = Number(text.slice(0, colon));
      if (colon <= 0 || !Number.isInteger(numa))
        throw new FlagValueError(`"${text}" is not <numa>:<resource>=<quantity>,…`);
      return [{ numaNode: numa, limits: Object.fromEntries(pairs(text.slice(colon + 1), '=', 'resource=quantity')) }];
    }
    case 'taints':
      return text === ''
        ? []
        : text.split(',').map((t) => {
            const m = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(t.trim());
            if (!m) throw new FlagValueError(`"${t}" is not key[=value]:Effect`);
            return { key: m[1], ...(m[2] !== undefined && m[2] !== '' ? { value: m[2] } : {}), effect: m[3] };
          });
    case 'vmodule':
      return pairs(text, '=', 'pattern=N').map(([filePattern, v]) => ({ filePattern, verbosity: Number(v) }));
  }
}

/**
 * Folds a later occurrence into the value built so far (`prev` undefined = first occurrence, which replaces
 * whatever the config file had). pflag scalars: last wins. StringSlice: appends. cliflag maps: merge, later
 * keys win. Multimaps and reserved memory: append.
 */
export function foldFlagValue(kind: FlagValueKind, prev: unknown, next: unknown): unknown {
  if (prev === undefined) return next;
  switch (kind) {
    case 'stringSlice':
    case 'reservedMemory':
    case 'vmodule':
      return [...(prev as unknown[]), ...(next as unknown[])];
    case 'mapStringString':
    case 'mapStringStringNoSplit':
    case 'langleMap':
    case 'mapStringBool':
      return { ...(prev as Record<string, unknown>), ...(next as Record<string, unknown>) };
    case 'colonMultimap': {
      const out: Record<string, string[]> = { ...(prev as Record<string, string[]>) };
      for (const [k, v] of Object.entries(next as Record<string, string[]>)) out[k] = [...(out[k] ?? []), ...v];
      return out;
    }
    default:
      return next;
  }
}

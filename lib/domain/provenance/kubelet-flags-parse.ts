import { flagKind, lookupFlag, normalizeFlagName, type FlagInfo } from './flag-lookup';
import type { TokenOrigin } from './exec-start';

/**
 * The kubelet's argv parsed the way pflag parses it (github.com/spf13/pflag, which the kubelet uses with
 * interspersed arguments and `WordSepNormalizeFunc`):
 * - `--name=value`, or `--name value` for every flag that is not boolean;
 * - a boolean flag alone means true and never takes the next word (`--fail-swap-on false` leaves a stray
 *   "false" argument, which the kubelet rejects as an unknown command);
 * - `-v 2`, `-v=2` and `-v2` for the one shorthand the kubelet has;
 * - `--` ends flag parsing.
 */
export interface FlagOccurrence {
  /** normalised name without dashes */
  readonly name: string;
  /** raw value text ("true" for a bare boolean) */
  readonly value: string;
  /** how it was written, e.g. "--max-pods=64" or "--max-pods 64" */
  readonly written: string;
  /** position among all occurrences (later wins) */
  readonly index: number;
  readonly info: FlagInfo;
  readonly origin?: TokenOrigin;
}

export interface ParsedArgv {
  readonly occurrences: FlagOccurrence[];
  /** words that are not flags or flag values; the kubelet exits on them */
  readonly positional: Array<{ text: string; origin?: TokenOrigin }>;
  /** single-dash words pflag would read as unknown shorthands */
  readonly badShorthands: Array<{ text: string; origin?: TokenOrigin }>;
  /** a value-taking flag at the very end with nothing after it */
  readonly missingValues: Array<{ name: string; origin?: TokenOrigin }>;
}

export interface ArgToken {
  readonly text: string;
  readonly origin?: TokenOrigin;
}

/** Parses argv (without argv[0]) for a kubelet of minor version `minor`. */
export function parseKubeletArgs(args: readonly ArgToken[], minor: number): ParsedArgv {
  const occurrences: FlagOccurrence[] = [];
  const positional: ParsedArgv['positional'] = [];
  const badShorthands: ParsedArgv['badShorthands'] = [];
  const missingValues: ParsedArgv['missingValues'] = [];
  const push = (name: string, value: string, written: string, origin?: TokenOrigin) => {
    const info = lookupFlag(name, minor);
    occurrences.push({
      name: normalizeFlagName(name),
      value,
      written,
      index: occurrences.length,
      info,
      ...(origin ? { origin } : {}),
    });
  };
  for (let i = 0; i < args.length; i++) {
    const tok = args[i] as ArgToken;
    const text = tok.text;
    if (text === '--') {
      for (const rest of args.slice(i + 1)) positional.push(rest);
      break;
    }
    if (text.startsWith('--') && text.length > 2) {
      const body = text.slice(2);
      const eq = body.indexOf('=');
      if (eq >= 0) {
        push(body.slice(0, eq), body.slice(eq + 1), text, tok.origin);
        continue;
      }
      const kind = flagKind(lookupFlag(body, minor));
      if (kind === 'bool') {
        push(body, 'true', text, tok.origin);
        continue;
      }
      const next = args[i + 1];
      if (!next) {
        missingValues.push({ name: normalizeFlagName(body), ...(tok.origin ? { origin: tok.origin } : {}) });
        continue;
      }
      push(body, next.text, `${text} ${next.text}`, tok.origin);
      i++;
      continue;
    }
    if (text.startsWith('-') && text.length > 1) {
      const body = text.slice(1);
      if (body === 'v' || body.startsWith('v=') || /^v\d+$/.test(body)) {
        if (body === 'v') {
          const next = args[i + 1];
          if (!next) missingValues.push({ name: 'v', ...(tok.origin ? { origin: tok.origin } : {}) });
          else push('v', next.text, `${text} ${next.text}`, tok.origin);
          if (next) i++;
        } else push('v', body.replace(/^v=?/, ''), text, tok.origin);
        continue;
      }
      badShorthands.push(tok);
      continue;
    }
    positional.push(tok);
  }
  return { occurrences, positional, badShorthands, missingValues };
}

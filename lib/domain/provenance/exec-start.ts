import type { ExecStartLine, VarDefinition } from './systemd-unit';
import { splitWords } from './words';

/*
 * ExecStart= expansion with per-word provenance, so a flag can be traced to the variable and file that put it
 * on the kubelet's command line.
 */

/** Where one word of the expanded command line came from. */
export interface TokenOrigin {
  /** unit file holding the ExecStart= line */
  readonly unit: string;
  /** variable the word was expanded from */
  readonly variable?: string;
  /** where that variable was set */
  readonly definedIn?: string;
  readonly via?: 'Environment' | 'EnvironmentFile';
  /** the variable was referenced but never set (it expanded to nothing) */
  readonly undefinedVariable?: boolean;
}

export interface ExpandedToken {
  readonly text: string;
  readonly origin: TokenOrigin;
}

const WHOLE_VAR_RE = /^\$([A-Za-z_][A-Za-z0-9_]*)$/;
const BRACED_RE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$\$/g;

/**
 * Expands one ExecStart= command (systemd.service(5) "Command lines"): a word that is exactly `$FOO` becomes
 * the variable's value split into words (zero words when unset); `${FOO}` anywhere in a word is replaced by
 * the value verbatim and stays one word; `$$` is a literal dollar.
 */
export function expandExecStart(
  line: ExecStartLine,
  env: ReadonlyMap<string, VarDefinition>,
): {
  tokens: ExpandedToken[];
  undefinedVariables: string[];
} {
  const tokens: ExpandedToken[] = [];
  const undefinedVariables: string[] = [];
  for (const word of splitWords(line.command)) {
    const whole = WHOLE_VAR_RE.exec(word.text);
    if (whole) {
      const name = whole[1] as string;
      const def = env.get(name);
      if (!def) {
        undefinedVariables.push(name);
        continue;
      }
      for (const w of splitWords(def.value)) {
        tokens.push({
          text: w.text,
          origin: { unit: line.declaredIn, variable: name, definedIn: def.definedIn, via: def.via },
        });
      }
      continue;
    }
    let fromVar: { name: string; def: VarDefinition } | undefined;
    const text = word.text.replace(BRACED_RE, (match, name: string | undefined) => {
      if (match === '$$') return '$';
      const def = env.get(name as string);
      if (!def) {
        undefinedVariables.push(name as string);
        return '';
      }
      fromVar ??= { name: name as string, def };
      return def.value;
    });
    tokens.push({
      text,
      origin: fromVar
        ? { unit: line.declaredIn, variable: fromVar.name, definedIn: fromVar.def.definedIn, via: fromVar.def.via }
        : { unit: line.declaredIn },
    });
  }
  return { tokens, undefinedVariables };
}

import { CST, Lexer, parseDocument, type YAMLError } from 'yaml';

/**
 * YAML (and JSON) written by someone else — a paste, a ConfigMap — parsed with bounds, so a hostile document
 * costs milliseconds and gets a clear refusal instead of a 500 or a blocked event loop:
 * - size, checked before anything else;
 * - nesting depth and alias count, measured by one pass of the `yaml` package's streaming Lexer (linear, no
 *   recursion, stops at the first excess) before the recursive composer sees the text: 60 KiB of `[` or `- `
 *   otherwise takes the composer seconds to overflow its stack, and a 400-link `<<: *prev` chain ~1 s;
 * - alias expansion, by the package's own `maxAliasCount` guard (billion laughs);
 * - parser warnings (unresolved `!tags`, …) are returned, never printed: `yaml` sends them to `process.emitWarning`,
 *   i.e. stderr, quoting the pasted text, unless `logLevel` is `error`.
 * A KubeletConfiguration nests about 5 levels deep and uses no aliases, so the limits leave wide room.
 */
export interface YamlLimits {
  /** characters */
  readonly maxChars: number;
  /** block indentation levels + flow brackets + compact `- ` entries on one line */
  readonly maxDepth: number;
  /** `*alias` nodes in the text */
  readonly maxAliases: number;
  /** the `yaml` package's expansion guard: how many nodes aliases may resolve to (its default is 100) */
  readonly maxAliasCount: number;
}

/** @internal exported for its unit tests (they vary one limit) */
export const UNTRUSTED_YAML_LIMITS: YamlLimits = {
  maxChars: 1024 * 1024,
  maxDepth: 32,
  maxAliases: 32,
  maxAliasCount: 100,
};

/** The document is refused for its shape, not its syntax: too large, too deep, too many or too costly aliases. */
export class YamlLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlLimitError';
  }
}

export interface BoundedYaml {
  readonly value: unknown;
  /** the parser's warnings as "line L: message" (they may quote the text: show them only to its author) */
  readonly warnings: string[];
}

/** 1-based line of a character offset (a YAMLError's `pos[0]`; its `linePos` needs prettyErrors, which quote text). */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const describe = (text: string, e: YAMLError) => `line ${lineOf(text, e.pos[0])}: ${e.message} (${e.code})`;

/**
 * Measures nesting depth and aliases without building anything. Depth = flow brackets open + block indentation
 * levels (a stack of the indents of the lines above) + compact `- `/`? ` entries on the current line. Block
 * scalar bodies (`|`, `>`) are skipped whole: their indentation is text, not structure.
 */
function assertShape(text: string, limits: YamlLimits): void {
  const indents: number[] = [];
  let flow = 0;
  let aliases = 0;
  let compact = 0;
  let lineStart = true;
  let pendingIndent = 0;
  let scalarSourceNext = false;
  let blockBodyNext = false;
  let afterBlockHeader = false;
  const content = () => {
    if (lineStart) {
      lineStart = false;
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= pendingIndent) indents.pop();
        indents.push(pendingIndent);
      }
    }
    const depth = flow + indents.length + compact;
    if (depth > limits.maxDepth)
      throw new YamlLimitError(`nests deeper than ${limits.maxDepth} levels (a KubeletConfiguration needs about 5)`);
  };
  for (const token of new Lexer().lex(text)) {
    if (scalarSourceNext) {
      // the source of the scalar the marker announced: plain text, or a whole block scalar body
      scalarSourceNext = false;
      if (blockBodyNext) {
        blockBodyNext = false;
        if (token.endsWith('\n')) [lineStart, pendingIndent, compact] = [true, 0, 0];
      } else content();
      continue;
    }
    switch (CST.tokenType(token)) {
      case 'scalar':
        scalarSourceNext = true;
        blockBodyNext = afterBlockHeader;
        afterBlockHeader = false;
        continue;
      case 'newline':
        [lineStart, pendingIndent, compact] = [true, 0, 0];
        continue;
      case 'space':
        if (lineStart) pendingIndent = token.length;
        continue;
      case 'comment':
        continue;
      case 'block-scalar-header':
        afterBlockHeader = true;
        content();
        continue;
      case 'flow-map-start':
      case 'flow-seq-start':
        content();
        flow++;
        content();
        continue;
      case 'flow-map-end':
      case 'flow-seq-end':
        flow = Math.max(0, flow - 1);
        continue;
      case 'alias':
        if (++aliases > limits.maxAliases)
          throw new YamlLimitError(
            `uses more than ${limits.maxAliases} aliases (*name); a KubeletConfiguration needs none`,
          );
        content();
        continue;
      case 'seq-item-ind':
      case 'explicit-key-ind':
        content();
        compact++;
        content();
        continue;
      default:
        content();
    }
  }
}

/**
 * Parses one YAML or JSON document within `limits`. Throws YamlLimitError for a hostile shape, and the `yaml`
 * package's YAMLParseError (with `code` and `pos`, without the text) for a syntax error.
 */
export function parseBoundedYaml(text: string, limits: YamlLimits = UNTRUSTED_YAML_LIMITS): BoundedYaml {
  if (text.length > limits.maxChars)
    throw new YamlLimitError(`is larger than ${Math.round(limits.maxChars / 1024)} KiB`);
  assertShape(text, limits);
  const doc = parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  const [error] = doc.errors;
  if (error) throw error;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (err) {
    // yaml throws a ReferenceError "Excessive alias count indicates a resource exhaustion attack"
    if (err instanceof ReferenceError)
      throw new YamlLimitError('has aliases that expand to too much data (an alias bomb or a long << chain)');
    throw err;
  }
  return { value, warnings: doc.warnings.map((w) => describe(text, w)) };
}

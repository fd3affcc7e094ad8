/**
 * `EnvironmentFile=` contents as systemd reads them (systemd.exec(5)): one `KEY=VALUE` per line, lines
 * starting with `#` or `;` are comments, values may be '…' or "…" quoted (quotes may span lines), a trailing
 * backslash continues an unquoted value, and unquoted values lose surrounding whitespace.
 * Debian's /etc/default/kubelet and kubeadm's /var/lib/kubelet/kubeadm-flags.env are files of this kind.
 */
interface EnvAssignment {
  readonly name: string;
  readonly value: string;
  /** 1-based line of the assignment */
  readonly line: number;
}

export interface EnvFileResult {
  readonly assignments: EnvAssignment[];
  /** lines that are not assignments (reported, not fatal: systemd skips them with a warning) */
  readonly invalidLines: number[];
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseEnvFile(text: string): EnvFileResult {
  const assignments: EnvAssignment[] = [];
  const invalidLines: number[] = [];
  const src = text.replace(/\r\n?/g, '\n');
  let i = 0;
  let line = 1;
  while (i < src.length) {
    // skip leading whitespace and blank lines
    const startLine = line;
    let lineText = '';
    while (i < src.length && src[i] !== '\n') lineText += src[i++];
    const trimmed = lineText.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) {
      i++;
      line++;
      continue;
    }
    const body = trimmed.replace(/^export\s+/, '');
    const eq = body.indexOf('=');
    const name = eq > 0 ? body.slice(0, eq).trim() : '';
    if (!NAME_RE.test(name)) {
      invalidLines.push(startLine);
      i++;
      line++;
      continue;
    }
    // re-scan the value from the original text so quoted values can span lines
    const valueStart = i - lineText.length + lineText.indexOf('=') + 1;
    const { value, end, lines } = readValue(src, valueStart);
    assignments.push({ name, value, line: startLine });
    i = end + 1;
    line += lines + 1;
  }
  return { assignments, invalidLines };
}

function readValue(src: string, start: number): { value: string; end: number; lines: number } {
  let i = start;
  let value = '';
  let lines = 0;
  let quote: '"' | "'" | null = null;
  let pendingSpace = '';
  while (i < src.length) {
    const ch = src[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
      else if (quote === '"' && ch === '\\' && i + 1 < src.length) {
        const next = src[++i] as string;
        if (next === '\n') lines++;
        else value += '"\\`$'.includes(next) ? next : `\\${next}`;
      } else {
        if (ch === '\n') lines++;
        value += ch;
      }
      i++;
      continue;
    }
    if (ch === '\n') break;
    if (ch === '\\' && src[i + 1] === '\n') {
      i += 2;
      lines++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      value += pendingSpace;
      pendingSpace = '';
      quote = ch;
    } else if (/\s/.test(ch)) {
      if (value !== '') pendingSpace += ch;
    } else {
      value += pendingSpace + ch;
      pendingSpace = '';
    }
    i++;
  }
  return { value, end: i, lines };
}

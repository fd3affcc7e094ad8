import { splitWords } from './words';

/**
 * The running kubelet's argv from what a user can copy off a node: `ps -ef`/`ps aux` rows, the CGroup tree of
 * `systemctl status kubelet`, `/proc/<pid>/cmdline` (NUL-separated), or a command typed with `\` continuations.
 * Terminals wrap long rows at their width, cutting words in two: a physical line as long as the longest line
 * of the block is taken as hard-wrapped and joined to the next without a space.
 */
export interface CommandLineResult {
  /** argv[0] is the kubelet binary */
  readonly argv: string[];
  readonly notes: string[];
}

const TREE_PREFIX_RE = /^[\s│├└─|`\\-]*(?:\d+\s+)?/u;
const PS_ROW_RE = /^\S+\s+\d+\s+\d+\s+/;
const BINARY_RE = /(^|\s)(\S*\/)?kubelet(?=\s|$)/;
const STOP_RE =
  /^(?:[A-Z][a-z]{2} \d{1,2} \d\d:\d\d|\s*(?:Main PID|Tasks|Memory|CPU|CGroup|Loaded|Active|Docs|Process|Drop-In):)/;

/** Finds the kubelet invocation in pasted text; undefined when there is none. */
export function extractKubeletArgv(text: string): CommandLineResult | undefined {
  if (text.includes('\0')) {
    const parts = text.split('\0').filter((p) => p !== '');
    const at = parts.findIndex((p) => /(^|\/)kubelet$/.test(p.trim()));
    if (at < 0) return undefined;
    return { argv: parts.slice(at).map((p) => p.trim()), notes: ['read as /proc/<pid>/cmdline (NUL-separated)'] };
  }
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const candidates: CommandLineResult[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/\bgrep\b/.test(line) || /ExecStart=/.test(line)) continue;
    const m = BINARY_RE.exec(line);
    if (!m) continue;
    const start = m.index + (m[1]?.length ?? 0);
    const block = [line.slice(start)];
    const physical = [line];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j] as string;
      if (
        next.trim() === '' ||
        PS_ROW_RE.test(next) ||
        STOP_RE.test(next) ||
        BINARY_RE.test(next.replace(TREE_PREFIX_RE, ''))
      )
        break;
      block.push(next);
      physical.push(next);
    }
    candidates.push(joinWrapped(block, physical));
    i = j - 1;
  }
  if (candidates.length === 0) return undefined;
  // `ps -ef | grep kubelet` may list more than one process; the kubelet is the one with most arguments
  return candidates.reduce((a, b) => (b.argv.length > a.argv.length ? b : a));
}

function joinWrapped(block: string[], physical: string[]): CommandLineResult {
  const notes: string[] = [];
  const width = Math.max(...physical.map((l) => l.length));
  let joined = block[0] ?? '';
  let wrapped = 0;
  for (let k = 1; k < block.length; k++) {
    const prev = physical[k - 1] as string;
    const next = block[k] as string;
    if (joined.endsWith('\\')) {
      joined = `${joined.slice(0, -1)} ${next.trim()}`;
    } else if (prev.length === width && width >= 60 && !/\s$/.test(prev)) {
      // hard wrap at the terminal width: the word continues on the next line
      joined += next.replace(/^\s+/, '');
      wrapped++;
    } else {
      joined += ` ${next.trim()}`;
    }
  }
  if (wrapped > 0) notes.push(`joined ${wrapped} line(s) wrapped at ${width} columns`);
  let argv = splitWords(joined).map((w) => w.text);
  if (argv.at(-1)?.endsWith('…')) {
    // systemctl status ellipsizes long lines unless run with -l/--full
    argv = argv.slice(0, -1);
    notes.push(
      'the command line was cut off with "…"; run `systemctl status kubelet -l --no-pager` for the whole line',
    );
  }
  return { argv, notes };
}

/**
 * Word splitting with quotes, as systemd's `extract_first_word(…, EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE)` does for
 * `ExecStart=` and `Environment=`: whitespace separates words, '…' and "…" group (also mid-word, as in
 * `KEY="a b"`), and backslash escapes the next character (C escapes \n \t are decoded).
 * See systemd.service(5) "Command lines" and systemd.exec(5) "Environment=".
 */
export interface Word {
  /** unquoted text */
  readonly text: string;
  /** whether any part of the word was quoted (a quoted "$FOO" is still one word once unquoted) */
  readonly quoted: boolean;
}

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\u0007', b: '\b', f: '\f', v: '\v', s: ' ' };

export function splitWords(input: string): Word[] {
  const words: Word[] = [];
  let cur = '';
  let inWord = false;
  let quoted = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && i + 1 < input.length) {
        const next = input[++i] as string;
        cur += C_ESCAPES[next] ?? next;
      } else cur += ch;
      continue;
    }
    if (/\s/.test(ch)) {
      if (inWord) words.push({ text: cur, quoted });
      cur = '';
      inWord = false;
      quoted = false;
      continue;
    }
    inWord = true;
    if (ch === '"' || ch === "'") {
      quote = ch;
      quoted = true;
    } else if (ch === '\\' && i + 1 < input.length) {
      const next = input[++i] as string;
      cur += C_ESCAPES[next] ?? next;
    } else cur += ch;
  }
  if (inWord) words.push({ text: cur, quoted });
  return words;
}

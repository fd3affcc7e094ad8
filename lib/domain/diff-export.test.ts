import { describe, expect, it } from 'vitest';
import { csvField, mdCell, toCsv, toMarkdown, type ExportTable } from './diff-export';

const table: ExportTable = {
  columns: [{ label: 'k8s-worker-1' }, { label: 'k8s-worker-3' }],
  rows: [
    {
      path: ['clusterDNS'],
      values: [
        { display: '10.96.0.10, 10.96.0.11', defaulted: false },
        { display: '10.96.0.10', defaulted: false },
      ],
      differs: true,
      ignored: false,
    },
    {
      path: ['evictionHard', 'memory.available'],
      values: [{ display: '300Mi', defaulted: false }, null],
      differs: true,
      ignored: false,
    },
    {
      path: ['maxPods'],
      values: [
        { display: '32', defaulted: false },
        { display: '64', defaulted: false },
      ],
      differs: true,
      ignored: false,
    },
    {
      path: ['podPidsLimit'],
      values: [
        { display: '-1', defaulted: true },
        { display: '-1', defaulted: true },
      ],
      differs: false,
      ignored: false,
    },
    {
      path: ['staticPodURL'],
      values: [
        { display: 'a|b "q"', defaulted: false },
        { display: '=cmd()', defaulted: false },
      ],
      differs: true,
      ignored: false,
    },
  ],
};

/** Minimal RFC 4180 reader, to prove the CSV round-trips. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  return rows;
}

describe('toCsv', () => {
  it('round-trips every row with proper quoting', () => {
    const rows = readCsv(toCsv(table));
    expect(rows[0]).toEqual(['key', 'k8s-worker-1', 'k8s-worker-3', 'differs']);
    expect(rows).toHaveLength(table.rows.length + 1);
    expect(rows[1]).toEqual(['clusterDNS', '10.96.0.10, 10.96.0.11', '10.96.0.10', 'yes']);
    expect(rows[2]).toEqual(['evictionHard.memory.available', '300Mi', '—', 'yes']);
    expect(rows[4]).toEqual(['podPidsLimit', '-1 (default)', '-1 (default)', 'no']);
    expect(rows[5]).toEqual(['staticPodURL', 'a|b "q"', "'=cmd()", 'yes']);
  });
  it('neutralises formula-looking cells but not negative numbers', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-1')).toBe('-1');
    expect(csvField('-cmd')).toBe("'-cmd");
  });
});

describe('toMarkdown', () => {
  it('escapes pipes so a value cannot break the table', () => {
    const md = toMarkdown(table, 'Drift');
    const lines = md.trim().split('\n');
    expect(lines[0]).toBe('## Drift');
    expect(lines).toHaveLength(2 + 2 + table.rows.length);
    expect(md).toContain('a\\|b "q"');
    expect(mdCell('x\ny')).toBe('x<br>y');
    // every body row has the same number of unescaped cell separators as the header
    const count = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (const l of lines.slice(2)) expect(count(l)).toBe(count(lines[2]!));
  });
});

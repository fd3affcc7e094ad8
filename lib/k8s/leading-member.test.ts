import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeadingMemberChunks, leadingMemberRange } from './leading-member';

/** The member's text, as the transport decodes it. */
function leadingMemberText(text: string, key: string): string | undefined {
  const bytes = Buffer.from(text, 'utf8');
  const range = leadingMemberRange(bytes, key);
  return range && bytes.toString('utf8', ...range);
}

const fixture = (name: string) => readFileSync(path.join(__dirname, '../domain/fixtures', name), 'utf8');

describe('leadingMemberRange', () => {
  it.each(['summary-v1.25.3-kind.json', 'summary-v1.17-kind.json'])(
    'returns exactly the node block of a real stats/summary (%s), pretty-printed or compact',
    (name) => {
      const text = fixture(name);
      const whole = JSON.parse(text) as { node: unknown; pods: unknown[] };
      expect(JSON.parse(leadingMemberText(text, 'node') ?? 'null')).toEqual(whole.node);
      const compact = JSON.stringify(whole); // what the kubelet sends: Go's json.Marshal, no indentation
      expect(JSON.parse(leadingMemberText(compact, 'node') ?? 'null')).toEqual(whole.node);
    },
  );

  it('never reads past the first member: a body cut or broken inside pods still yields the node', () => {
    const text = '{"node":{"nodeName":"a","fs":{"capacityBytes":1}},"pods":[{"podRef":';
    expect(leadingMemberText(text, 'node')).toBe('{"nodeName":"a","fs":{"capacityBytes":1}}');
  });

  it('keeps brackets and quotes inside strings out of the nesting count', () => {
    const text = String.raw`{"node":{"nodeName":"we}ird\"{[","x":["]"]},"pods":[]}`;
    expect(JSON.parse(leadingMemberText(text, 'node') ?? 'null')).toEqual({ nodeName: 'we}ird"{[', x: [']'] });
  });

  it('counts bytes, not characters: multi-byte UTF-8 before and inside the member', () => {
    const text = '{"node":{"nodeName":"ノード-ü","label":"}{"},"pods":[{"name":"é"}]}';
    expect(JSON.parse(leadingMemberText(text, 'node') ?? 'null')).toEqual({ nodeName: 'ノード-ü', label: '}{' });
  });

  it('reads scalar and string first members', () => {
    expect(leadingMemberText('{"node": 42 , "pods": []}', 'node')).toBe('42');
    expect(leadingMemberText('{"node":"x\\"y","pods":[]}', 'node')).toBe('"x\\"y"');
    expect(leadingMemberText('{"node":null}', 'node')).toBe('null');
  });

  it.each([
    ['pods first (another encoder)', '{"pods":[],"node":{}}'],
    ['not an object', '[{"node":{}}]'],
    ['a key that only starts like it', '{"nodes":{}}'],
    ['cut inside the member', '{"node":{"nodeName":"a"'],
    ['an unterminated string', '{"node":{"nodeName":"a}}'],
    ['empty', ''],
    ['a scalar running to the end', '{"node":12'],
  ])('gives up (the caller parses the whole body) on %s', (_, text) => {
    expect(leadingMemberText(text, 'node')).toBeUndefined();
  });
});

/** Feeds `text` in chunks of `size` bytes, as a socket would hand them over. */
function keptOf(text: string, size: number, key = 'node'): Buffer {
  const body = Buffer.from(text, 'utf8');
  const kept = new LeadingMemberChunks(key);
  for (let i = 0; i < body.length; i += size) kept.push(body.subarray(i, i + size));
  return kept.bytes();
}

describe('LeadingMemberChunks', () => {
  const summary = JSON.stringify(JSON.parse(fixture('summary-v1.25.3-kind.json')) as unknown);

  it.each([1, 7, 1024, 2048])(
    'keeps a real Summary only up to the chunk that ends its node member (chunks of %i bytes)',
    (size) => {
      const kept = keptOf(summary, size);
      const whole = JSON.parse(summary) as { node: unknown };
      const range = leadingMemberRange(kept, 'node');
      expect(range && JSON.parse(kept.toString('utf8', ...range))).toEqual(whole.node);
      // the fixture's node block ends at byte ~1,700 of ~3,000: every size here ends it before the body's last chunk
      const memberEnd = summary.indexOf(',"pods":') + 1;
      expect(kept.length).toBe(Math.ceil(memberEnd / size) * size);
      expect(kept.length).toBeLessThan(Buffer.byteLength(summary));
    },
  );

  it('carries strings, escapes and nesting across chunk boundaries', () => {
    const text = String.raw`{"node":{"a":"x,\"}{,","b":[{"c":","}]},"pods":[` + '{"n":1},'.repeat(100) + '{}]}';
    const kept = keptOf(text, 1);
    expect(kept.toString('utf8')).toBe(String.raw`{"node":{"a":"x,\"}{,","b":[{"c":","}]},`);
  });

  it.each([
    ['another first key (a Status)', '{"kind":"Status","node":{"a":1},"code":500}'],
    ['pods first', '{"pods":[1,2],"node":{}}'],
    ['not an object', '[{"node":{}},1,2]'],
    ['the member is the whole object (configz)', '{"node":{"a":[1,2,3]}}'],
    ['a body cut inside the member', '{"node":{"a":"b'],
  ])('keeps every chunk of %s', (_, text) => {
    expect(keptOf(text, 3).toString('utf8')).toBe(text);
  });
});

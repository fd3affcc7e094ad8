import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadingMemberRange } from './leading-member';

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

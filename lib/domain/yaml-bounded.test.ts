import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import * as eks from './provenance/fixtures/eks-al2';
import * as kubeadm from './provenance/fixtures/kubeadm';
import * as kubeasz from './provenance/fixtures/kubeasz';
import { parseBoundedYaml, UNTRUSTED_YAML_LIMITS, YamlLimitError } from './yaml-bounded';

/** "Billion laughs" in YAML (the classic from the XML attack, as in yaml's own tests): 9 levels of 9 aliases. */
function billionLaughs(levels = 9, fanOut = 9): string {
  const lines = [`l0: &l0 [${Array(fanOut).fill('"lol"').join(',')}]`];
  for (let i = 1; i < levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(fanOut)
        .fill(`*l${i - 1}`)
        .join(',')}]`,
    );
  return lines.join('\n');
}

/** A 400-deep chain of YAML merge keys, each mapping merging the previous one. */
function mergeChain(links = 400): string {
  let text = 'a0: &a0 {x: 1}\n';
  for (let i = 1; i < links; i++) text += `a${i}: &a${i}\n  <<: *a${i - 1}\n  y${i}: 1\n`;
  return text;
}

afterEach(() => vi.restoreAllMocks());

describe('parseBoundedYaml', () => {
  it('parses real kubelet config files unchanged (YAML and JSON)', () => {
    for (const text of [kubeadm.CONFIG_YAML, kubeasz.CONFIG_YAML, eks.KUBELET_CONFIG_JSON])
      expect(parseBoundedYaml(text).value).toEqual(parse(text));
    const configz = fs.readFileSync(path.join(__dirname, 'fixtures', 'configz-v1.27-kubeadm-systemd.json'), 'utf8');
    expect(parseBoundedYaml(configz).value).toEqual(JSON.parse(configz));
  });

  it('skips block scalar bodies: their indentation is text', () => {
    const deepText = Array.from({ length: 60 }, (_, i) => `${' '.repeat(2 * i + 4)}level ${i}`).join('\n');
    const text = `kind: ConfigMap\ndata:\n  kubelet: |\n${deepText}\n  other: x\n`;
    expect(parseBoundedYaml(text).value).toMatchObject({ data: { other: 'x' } });
  });

  it.each([
    ['billion laughs (72 aliases)', billionLaughs(), /more than 32 aliases/],
    ['billion laughs under the alias count (27 aliases, 3^9 nodes)', billionLaughs(9, 3), /expand to too much data/],
    ['a 400-deep << merge chain', mergeChain(), /more than 32 aliases/],
    ['30,000 nested flow sequences', `${'['.repeat(30_000)}${']'.repeat(30_000)}`, /nests deeper than 32/],
    ['30,000 compact block sequences', `${'- '.repeat(30_000)}x\n`, /nests deeper than 32/],
    ['300 nested block mappings', Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), /deeper/],
    ['2 MiB of text', `a: ${'x'.repeat(2 * 1024 * 1024)}\n`, /larger than 1024 KiB/],
  ])('refuses %s quickly with a YamlLimitError', (_label, text, message) => {
    expect(() => parseBoundedYaml(text)).toThrow(YamlLimitError);
    expect(() => parseBoundedYaml(text)).toThrow(message);
  });

  it('uses the limits it is given', () => {
    expect(() => parseBoundedYaml('a:\n  b:\n    c: 1\n', { ...UNTRUSTED_YAML_LIMITS, maxDepth: 2 })).toThrow(/deeper/);
    expect(parseBoundedYaml('a:\n  b:\n    c: 1\n', { ...UNTRUSTED_YAML_LIMITS, maxDepth: 3 }).value).toEqual({
      a: { b: { c: 1 } },
    });
  });

  it('returns parser warnings instead of printing them to stderr', () => {
    const emit = vi.spyOn(process, 'emitWarning');
    const { value, warnings } = parseBoundedYaml('kind: KubeletConfiguration\nfoo: !SECRET hunter2\n');
    expect(value).toEqual({ kind: 'KubeletConfiguration', foo: 'hunter2' });
    expect(warnings).toEqual(['line 2: Unresolved tag: !SECRET (TAG_RESOLVE_FAILED)']);
    expect(emit).not.toHaveBeenCalled();
  });

  it('throws the parser error for broken syntax, without the text', () => {
    expect(() => parseBoundedYaml('a: [\nsecret-value: 1')).toThrow(expect.objectContaining({ code: 'BAD_INDENT' }));
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeConfig, signature } from './config-canonical';
import {
  DEFAULT_IGNORE,
  distinguishingKeys,
  groupVariants,
  variantIgnoredCells,
  type NodeConfigResult,
} from './config-variants';

const fixture = (name: string) =>
  (
    JSON.parse(readFileSync(new URL(`./fixtures/compare/${name}`, import.meta.url), 'utf8')) as {
      kubeletconfig: Record<string, unknown>;
    }
  ).kubeletconfig;
const kubeadm = fixture('kubeadm-v1.28.configz.json');
const aks = fixture('aks-partial.configz.json');

const ok = (node: string, config: Record<string, unknown>, version = 'v1.28.9'): NodeConfigResult => ({
  node,
  version,
  ok: true,
  config,
});

describe('normalizeConfig on a real configz', () => {
  it('does not depend on key order or on equivalent spellings', () => {
    const reordered = Object.fromEntries(Object.entries(kubeadm).reverse());
    const respelled = {
      ...kubeadm,
      syncFrequency: '60s',
      containerLogMaxSize: '10240Ki',
      logging: { ...(kubeadm.logging as object), flushFrequency: 5e9 },
    };
    const a = signature(normalizeConfig(kubeadm, 'v1.28.9', DEFAULT_IGNORE));
    expect(signature(normalizeConfig(reordered, 'v1.28.9', DEFAULT_IGNORE))).toBe(a);
    expect(signature(normalizeConfig(respelled, 'v1.28.9', DEFAULT_IGNORE))).toBe(a);
  });
  it('fills a partial configz with the version defaults and marks them', () => {
    const m = normalizeConfig(aks, 'v1.31.4', DEFAULT_IGNORE);
    expect(m.cells.get('maxPods')).toMatchObject({ display: '110', defaulted: true });
    expect(m.cells.get('containerLogMaxSize')).toMatchObject({ display: '50M', defaulted: false });
    // pid.available is kept as a quantity threshold, not dropped
    expect(m.cells.get('evictionHard\u001fpid.available')?.canon).toBe('q:2000/1');
  });
});

describe('groupVariants', () => {
  it('groups identical configs and puts single-node outliers first', () => {
    const g = groupVariants(
      [ok('w1', kubeadm), ok('w2', kubeadm), ok('w3', { ...kubeadm, maxPods: 64 }), ok('w4', { ...kubeadm })],
      DEFAULT_IGNORE,
    );
    expect(g.variants.map((v) => v.nodes)).toEqual([['w3'], ['w1', 'w2', 'w4']]);
    expect(g.distinctBodies).toBe(2);
    expect(distinguishingKeys(g.variants)).toEqual(['maxPods']);
  });
  it('does not split variants on per-node fields in the ignore list', () => {
    const g = groupVariants(
      [
        ok('w1', { ...kubeadm, tlsCertFile: '/pki/w1.crt', providerID: 'aws:///a' }),
        ok('w2', { ...kubeadm, tlsCertFile: '/pki/w2.crt', providerID: 'aws:///b' }),
      ],
      DEFAULT_IGNORE,
    );
    expect(g.variants).toHaveLength(1);
    const only = g.variants[0]!;
    expect(only.config.cells.has('tlsCertFile')).toBe(false);
    const configs = new Map([
      ['w1', { tlsCertFile: '/pki/w1.crt' }],
      ['w2', { tlsCertFile: '/pki/w2.crt' }],
    ]);
    expect(variantIgnoredCells(only, configs, DEFAULT_IGNORE).cells.get('tlsCertFile')?.display).toBe(
      'varies (2 values)',
    );
  });
  it('splits on ignored fields once the user removes them from the list', () => {
    const g = groupVariants(
      [ok('w1', { ...kubeadm, tlsCertFile: '/a' }), ok('w2', { ...kubeadm, tlsCertFile: '/b' })],
      [],
    );
    expect(g.variants).toHaveLength(2);
    expect(distinguishingKeys(g.variants)).toEqual(['tlsCertFile']);
  });
  it('treats equivalent values as the same variant (1Gi vs 1024Mi)', () => {
    const a = { ...kubeadm, evictionHard: { ...(kubeadm.evictionHard as object), 'memory.available': '1Gi' } };
    const b = { ...kubeadm, evictionHard: { ...(kubeadm.evictionHard as object), 'memory.available': '1024Mi' } };
    const g = groupVariants([ok('a', a), ok('b', b)], DEFAULT_IGNORE);
    expect(g.variants).toHaveLength(1);
    expect(g.distinctBodies).toBe(2);
  });
  it('lists unreadable nodes as unknown with their reason instead of dropping them', () => {
    const g = groupVariants(
      [
        ok('w1', kubeadm),
        { node: 'w7', version: 'v1.28.9', ok: false, reason: 'KubeletUnreachable', message: 'dial tcp: i/o timeout' },
      ],
      DEFAULT_IGNORE,
    );
    expect(g.unknown).toEqual([expect.objectContaining({ node: 'w7', reason: 'KubeletUnreachable' })]);
    expect(g.variants.flatMap((v) => v.nodes)).toEqual(['w1']);
  });
  it('keeps one variant for the same configz text on kubelets whose defaults differ (a version difference)', () => {
    const g = groupVariants([ok('old', aks, 'v1.30.14'), ok('new', aks, 'v1.33.2')], DEFAULT_IGNORE);
    expect(g.variants).toHaveLength(1);
    expect(g.variants[0]?.versionOnlyKeys).toContain('failCgroupV1');
    expect(distinguishingKeys(g.variants)).toEqual([]);
  });
  it('handles an empty selection', () => {
    expect(groupVariants([], DEFAULT_IGNORE)).toMatchObject({ variants: [], unknown: [], distinctBodies: 0 });
  });
});

describe('configz from several kubelet versions', () => {
  const shared = (name: string) =>
    (
      JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as {
        kubeletconfig: Record<string, unknown>;
      }
    ).kubeletconfig;
  const fleet: NodeConfigResult[] = [
    ok('v116', shared('configz-v1.16-kubeadm.json'), 'v1.16.15'),
    ok('v127', shared('configz-v1.27-kubeadm-systemd.json'), 'v1.27.3'),
    ok('v128', kubeadm, 'v1.28.9'),
    ok('v131', shared('configz-v1.31-cri-dockerd.json'), 'v1.31.2'),
    ok('aks', aks, 'v1.31.4'),
  ];
  it('groups each capture on its own and names the keys that tell them apart', () => {
    const g = groupVariants(fleet, DEFAULT_IGNORE);
    // v127 and v128 are the same published capture: patch and 27→28 defaults agree, so one variant
    expect(g.variants.map((v) => v.nodes.join('+')).sort()).toEqual(['aks', 'v116', 'v127+v128', 'v131']);
    const keys = distinguishingKeys(g.variants);
    expect(keys).toContain('containerRuntimeEndpoint');
    expect(keys).toContain('evictionHard\u001fimagefs.inodesFree');
    expect(keys).not.toContain('tlsCertFile');
  });
  it('applies the version default where an older kubelet had another one (eventRecordQPS 5 before v1.27)', () => {
    expect(normalizeConfig({}, 'v1.26.0', []).cells.get('eventRecordQPS')?.display).toBe('5');
    expect(normalizeConfig({}, 'v1.27.0', []).cells.get('eventRecordQPS')?.display).toBe('50');
  });
});

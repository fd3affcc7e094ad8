import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCompareReport } from './compare-report';
import { applyDefaults } from './config-defaults';
import {
  distinguishingKeys,
  groupVariants,
  versionKeys,
  DEFAULT_IGNORE,
  type NodeConfigResult,
} from './config-variants';

const K = '\u001f';
/** The kubeadm node's configz (fixtures/compare, a real v1.27/v1.28 capture) as its config *file*: evictionHard unset. */
const file = (() => {
  const { kubeletconfig } = JSON.parse(
    readFileSync(new URL('./fixtures/compare/kubeadm-v1.28.configz.json', import.meta.url), 'utf8'),
  ) as { kubeletconfig: Record<string, unknown> };
  const { evictionHard: _dropped, ...rest } = kubeletconfig;
  return rest;
})();
/** What a kubelet of `version` reports in configz for that file: the file plus that version's defaults. */
const configzOf = (config: Record<string, unknown>, version: string) => applyDefaults(config, version).config;
const ok = (node: string, version: string, config: Record<string, unknown> = file): NodeConfigResult => ({
  node,
  version,
  ok: true,
  config: configzOf(config, version),
});

describe('drift across kubelet versions', () => {
  it('groups byte-identical config files on v1.28 and v1.31 as one configuration that differs only by version', () => {
    const results = [ok('a-128', 'v1.28.15'), ok('b-131', 'v1.31.9'), ok('c-131', 'v1.31.9')];
    // the v1.31 configz does carry the newer fields, at their defaults
    const v131 = results[1]!.ok ? results[1]!.config : {};
    expect(v131).toMatchObject({ containerLogMaxWorkers: 1, failCgroupV1: false, podLogsDir: '/var/log/pods' });
    const g = groupVariants(results, DEFAULT_IGNORE);
    expect(g.variants).toHaveLength(1);
    expect(g.variants[0]?.versions).toEqual(['v1.28.15', 'v1.31.9']);
    expect(g.variants[0]?.versionOnlyKeys).toEqual(
      expect.arrayContaining([
        'containerLogMaxWorkers',
        'failCgroupV1',
        'imageMaximumGCAge',
        'podLogsDir',
        `evictionHard${K}imagefs.inodesFree`,
      ]),
    );
    const report = buildCompareReport({
      results,
      ignore: DEFAULT_IGNORE,
      by: 'node',
      showIgnored: false,
      baseline: null,
    });
    const differing = report.rows.filter((r) => r.differs);
    expect(differing.length).toBeGreaterThan(4);
    expect(differing.every((r) => r.kind === 'version')).toBe(true);
    expect(report.variants[0]?.outlier).toBe(false);
  });
  it('marks drift only where both versions know the field and the configurations differ', () => {
    const results = [ok('a-128', 'v1.28.15'), ok('b-131', 'v1.31.9', { ...file, maxPods: 64 }), ok('c-131', 'v1.31.9')];
    const report = buildCompareReport({
      results,
      ignore: DEFAULT_IGNORE,
      by: 'node',
      showIgnored: false,
      baseline: null,
    });
    const kinds = new Map(report.rows.filter((r) => r.differs).map((r) => [r.path.join('.'), r.kind]));
    expect(kinds.get('maxPods')).toBe('drift');
    expect(kinds.get('podLogsDir')).toBe('version');
    expect(report.variants.map((v) => v.nodes)).toEqual([['b-131'], ['a-128', 'c-131']]);
    expect(report.variants[0]).toMatchObject({ outlier: true, keys: [{ path: ['maxPods'], display: '64' }] });
  });
  it('treats an explicit evictionHard without imagefs.inodesFree as drift against the v1.31 default map', () => {
    const explicit = {
      ...file,
      evictionHard: {
        'memory.available': '100Mi',
        'nodefs.available': '10%',
        'nodefs.inodesFree': '5%',
        'imagefs.available': '15%',
      },
    };
    const g = groupVariants(
      [ok('x', 'v1.31.9', explicit), ok('y', 'v1.31.9'), ok('z', 'v1.28.15', explicit)],
      DEFAULT_IGNORE,
    );
    expect(g.variants).toHaveLength(2);
    expect(distinguishingKeys(g.variants)).toEqual([`evictionHard${K}imagefs.inodesFree`]);
    // on v1.28 the explicit four-key map is also that version's default map, so z holds the same configuration as
    // x (same effective thresholds) and as y (each at its default): variants are built greedily, first fit
    expect(g.variants.find((v) => v.nodes.includes('z'))?.nodes).toEqual(['x', 'z']);
  });
  it('does not call a changed default drift (kubeAPIQPS 5 before v1.27, 50 after)', () => {
    // a file that leaves the QPS settings unset (the capture shows their v1.28 effective values) and holds no field
    // v1.26 lacks (its kubelet would refuse the file): containerRuntimeEndpoint, enableSystemLogQuery came in v1.27
    const {
      kubeAPIQPS: _q,
      kubeAPIBurst: _b,
      eventRecordQPS: _e,
      eventBurst: _eb,
      memoryThrottlingFactor: _m,
      containerRuntimeEndpoint: _c,
      enableSystemLogQuery: _l,
      ...unset
    } = file;
    const g = groupVariants([ok('old', 'v1.26.15', unset), ok('new', 'v1.28.15', unset)], DEFAULT_IGNORE);
    expect(g.variants).toHaveLength(1);
    expect(g.variants[0]?.versionOnlyKeys).toContain('kubeAPIQPS');
  });
  it('sets a field only the newer kubelet knows apart as a version difference, not drift', () => {
    const g = groupVariants(
      [ok('old', 'v1.28.15'), ok('new', 'v1.31.9', { ...file, failCgroupV1: true })],
      DEFAULT_IGNORE,
    );
    expect(g.variants).toHaveLength(2);
    expect(distinguishingKeys(g.variants)).toEqual([]);
    expect(versionKeys(g.variants)).toContain('failCgroupV1');
  });
});

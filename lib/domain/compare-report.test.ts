import { describe, expect, it } from 'vitest';
import { buildCompareReport, variantLetter } from './compare-report';
import { DEFAULT_IGNORE, type NodeConfigResult } from './config-variants';

const ok = (node: string, config: Record<string, unknown>): NodeConfigResult => ({
  node,
  version: 'v1.33.2',
  ok: true,
  config,
});
const base = { cgroupDriver: 'systemd', maxPods: 32 };
const fleet: NodeConfigResult[] = [
  ok('w1', base),
  ok('w2', base),
  ok('w3', { ...base, maxPods: 64 }),
  { node: 'w7', version: 'v1.33.2', ok: false, reason: 'KubeletUnreachable', message: 'no route to host' },
];

describe('buildCompareReport', () => {
  it('marks lone nodes as outliers and shows what sets each variant apart from the fleet', () => {
    const r = buildCompareReport({
      results: fleet,
      ignore: DEFAULT_IGNORE,
      by: 'variant',
      showIgnored: false,
      baseline: null,
    });
    expect(r.variants.map((v) => [v.label, v.outlier])).toEqual([
      ['A: w3', true],
      ['B (2 nodes)', false],
    ]);
    expect(r.variants[0]?.keys).toEqual([{ path: ['maxPods'], display: '64', defaulted: false }]);
    expect(r.variants[1]?.keys).toEqual([]);
    expect(r.unknown.map((u) => u.node)).toEqual(['w7']);
  });
  it('does not call either of two lone nodes an outlier', () => {
    const r = buildCompareReport({
      results: fleet.slice(1, 3),
      ignore: [],
      by: 'node',
      showIgnored: false,
      baseline: null,
    });
    expect(r.variants.every((v) => !v.outlier)).toBe(true);
  });
  it('keeps unreadable nodes as unknown columns in node mode', () => {
    const r = buildCompareReport({
      results: fleet,
      ignore: DEFAULT_IGNORE,
      by: 'node',
      showIgnored: false,
      baseline: null,
    });
    expect(r.columns.map((c) => c.id)).toEqual(['w1', 'w2', 'w3', 'w7']);
    expect(r.columns[3]?.unknown).toEqual({ reason: 'KubeletUnreachable', message: 'no route to host' });
    expect(r.rows.filter((x) => x.differs).map((x) => x.path.join('.'))).toEqual(['maxPods']);
  });
  it('reports an unreadable ConfigMap as an unavailable baseline instead of failing', () => {
    const r = buildCompareReport({
      results: fleet,
      ignore: DEFAULT_IGNORE,
      by: 'variant',
      showIgnored: false,
      baseline: { kind: 'configmap', label: 'kube-system/kubelet-config', yaml: 'a: [', legacyName: false },
    });
    expect(r.baseline).toMatchObject({ kind: 'configmap', unavailable: { reason: 'Invalid' }, results: [] });
  });
  it('compares against a picked node, and says so when that node is unknown', () => {
    const r = buildCompareReport({
      results: fleet,
      ignore: DEFAULT_IGNORE,
      by: 'variant',
      showIgnored: false,
      baseline: { kind: 'node', node: 'w1' },
    });
    const w3 = r.baseline?.results.find((x) => x.nodes.includes('w3'));
    expect(w3?.differences.map((d) => [d.path.join('.'), d.expected?.display, d.actual?.display, d.flag])).toEqual([
      ['maxPods', '32', '64', '--max-pods'],
    ]);
    const bad = buildCompareReport({
      results: fleet,
      ignore: DEFAULT_IGNORE,
      by: 'variant',
      showIgnored: false,
      baseline: { kind: 'node', node: 'w7' },
    });
    expect(bad.baseline).toMatchObject({ unavailable: { reason: 'KubeletUnreachable' } });
  });
  it('shows ignored fields on request, as "varies" when members disagree', () => {
    const r = buildCompareReport({
      results: [ok('a', { ...base, tlsCertFile: '/a.crt' }), ok('b', { ...base, tlsCertFile: '/b.crt' })],
      ignore: DEFAULT_IGNORE,
      by: 'variant',
      showIgnored: true,
      baseline: null,
    });
    const row = r.rows.find((x) => x.path[0] === 'tlsCertFile');
    expect(row).toMatchObject({ ignored: true });
    expect(row?.values[0]?.display).toBe('varies (2 values)');
  });
});

describe('variantLetter', () => {
  it('counts like spreadsheet columns', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(variantLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});

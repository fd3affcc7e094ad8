import { describe, expect, it } from 'vitest';
import { normalizeConfig } from './config-canonical';
import { diffColumns, visibleRows } from './config-diff';
import { formatPath } from './config-flatten';

const col = (id: string, config: Record<string, unknown> | null, version = 'v1.33.2') => ({
  id,
  config: config ? normalizeConfig(config, version, []) : null,
});

describe('diffColumns', () => {
  it('reports exactly the keys that differ in meaning', () => {
    const rows = diffColumns(
      [
        col('a', { maxPods: 32, syncFrequency: '1m0s', evictionHard: { 'memory.available': '1Gi' } }),
        col('b', { maxPods: 64, syncFrequency: '60s', evictionHard: { 'memory.available': '1024Mi' } }),
      ],
      { includeIgnored: false },
    );
    expect(visibleRows(rows, false).map((r) => formatPath(r.path))).toEqual(['maxPods']);
    expect(visibleRows(rows, true).length).toBeGreaterThan(50);
  });
  it('shows a missing key as its version default, flagged as such', () => {
    const rows = diffColumns([col('a', { cgroupDriver: 'systemd' }), col('b', {})], { includeIgnored: false });
    const row = rows.find((r) => formatPath(r.path) === 'cgroupDriver')!;
    expect(row.differs).toBe(true);
    expect(row.values[1]).toMatchObject({ display: 'cgroupfs', defaulted: true });
  });
  it('gives the majority value class 0 so the minority can be highlighted', () => {
    const rows = diffColumns([col('a', { maxPods: 32 }), col('b', { maxPods: 64 }), col('c', { maxPods: 32 })], {
      includeIgnored: false,
    });
    expect(rows.find((r) => r.path[0] === 'maxPods')!.values.map((v) => v?.cls)).toEqual([0, 1, 0]);
  });
  it('never lets an unknown column make a row differ', () => {
    const rows = diffColumns([col('a', { maxPods: 32 }), col('b', { maxPods: 32 }), col('x', null)], {
      includeIgnored: false,
    });
    expect(rows.every((r) => !r.differs)).toBe(true);
    expect(rows[0]!.values[2]).toBeNull();
  });
  it('marks a key missing in one version as a difference', () => {
    const rows = diffColumns([col('old', {}, 'v1.29.15'), col('new', {}, 'v1.33.2')], { includeIgnored: false });
    const row = rows.find((r) => r.path[0] === 'failCgroupV1')!;
    expect(row.differs).toBe(true);
    expect(row.values[0]).toBeNull();
  });
  it('adds ignored rows only on request', () => {
    const ignored = normalizeConfig({ tlsCertFile: '/a' }, 'v1.33.2', []);
    const cols = [{ id: 'a', config: normalizeConfig({}, 'v1.33.2', ['tlsCertFile']), ignored }];
    expect(diffColumns(cols, { includeIgnored: false }).some((r) => r.ignored)).toBe(false);
    const rows = diffColumns(cols, { includeIgnored: true });
    expect(rows.find((r) => r.path[0] === 'tlsCertFile')).toMatchObject({ ignored: true });
  });
});

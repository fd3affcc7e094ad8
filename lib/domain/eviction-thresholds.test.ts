import { describe, expect, it } from 'vitest';
import { parseEvictionSettings, parseThresholdValue, resolveThreshold } from './eviction-thresholds';
import v131 from './fixtures/configz-v1.31-cri-dockerd.json';

describe('parseThresholdValue', () => {
  it('reads quantities and percentages', () => {
    expect(parseThresholdValue('300Mi')).toMatchObject({ kind: 'quantity', text: '300Mi' });
    expect(parseThresholdValue('10%')).toEqual({ kind: 'percentage', percent: 10, text: '10%' });
    expect(parseThresholdValue('7.5%')).toMatchObject({ percent: 7.5 });
  });
  it('ignores the zero values a partial override leaves behind, as the kubelet does', () => {
    expect(parseThresholdValue('0%')).toBeUndefined();
    expect(parseThresholdValue('100%')).toBeUndefined();
    expect(parseThresholdValue('0')).toBeUndefined();
  });
  it('rejects what the kubelet rejects', () => {
    expect(() => parseThresholdValue('-1Gi')).toThrow(/negative/);
    expect(() => parseThresholdValue('150%')).toThrow(/percentage/);
    expect(() => parseThresholdValue('lots')).toThrow();
  });
});

describe('resolveThreshold', () => {
  it('takes quantities as whole bytes', () => {
    expect(resolveThreshold(parseThresholdValue('100Mi')!, 0n)).toBe(104857600n);
    expect(resolveThreshold(parseThresholdValue('750Mi')!, 999n)).toBe(786432000n);
  });
  it('resolves percentages with the kubelet float32 arithmetic', () => {
    // v1.17 kind node from metrics-server's fixture: nodefs capacity 500684595200
    expect(resolveThreshold(parseThresholdValue('10%')!, 500684595200n)).toBe(50068460266n);
    // exact 10% would be 50068459520; float32(0.1) is slightly larger
    expect(resolveThreshold(parseThresholdValue('5%')!, 31113216n)).toBe(1555660n);
    expect(resolveThreshold(parseThresholdValue('15%')!, 205918412800n)).toBe(30887763147n);
  });
});

describe('parseEvictionSettings', () => {
  it('lists the five v1.31 defaults as hard thresholds', () => {
    const { thresholds, problems } = parseEvictionSettings(v131.kubeletconfig);
    expect(problems).toEqual([]);
    expect(thresholds.map((t) => t.signal)).toEqual([
      'memory.available',
      'nodefs.available',
      'nodefs.inodesFree',
      'imagefs.available',
      'imagefs.inodesFree',
    ]);
    expect(thresholds.every((t) => t.hard)).toBe(true);
  });
  it('attaches grace periods and minimum reclaim, and reports soft thresholds without grace', () => {
    const { thresholds, problems } = parseEvictionSettings({
      evictionHard: { 'memory.available': '500Mi' },
      evictionSoft: { 'memory.available': '1Gi', 'nodefs.available': '15%' },
      evictionSoftGracePeriod: { 'memory.available': '1m30s' },
      evictionMinimumReclaim: { 'memory.available': '0.5Gi' },
    });
    const soft = thresholds.find((t) => !t.hard && t.signal === 'memory.available');
    expect(soft?.gracePeriodNs).toBe(90_000_000_000n);
    expect(soft?.minReclaim).toMatchObject({ kind: 'quantity' });
    expect(problems).toEqual(['evictionSoft[nodefs.available]: no grace period in evictionSoftGracePeriod']);
  });
  it('handles empty and missing maps', () => {
    expect(parseEvictionSettings({})).toEqual({ thresholds: [], problems: [] });
    expect(parseEvictionSettings({ evictionHard: { 'disk.free': '1Gi' } }).problems[0]).toMatch(
      /unknown eviction signal/,
    );
  });
});

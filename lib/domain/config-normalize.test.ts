import { describe, expect, it } from 'vitest';
import { fieldKind, formatGoDuration, normalizeLeaf, parseGoDurationNs } from './config-normalize';

const same = (path: string[], a: unknown, b: unknown) => normalizeLeaf(path, a).canon === normalizeLeaf(path, b).canon;

describe('parseGoDurationNs', () => {
  it('parses Go duration strings the way time.ParseDuration does', () => {
    expect(parseGoDurationNs('1m0s')).toBe(60e9);
    expect(parseGoDurationNs('60s')).toBe(60e9);
    expect(parseGoDurationNs('4h0m0s')).toBe(4 * 3600e9);
    expect(parseGoDurationNs('100ms')).toBe(100e6);
    expect(parseGoDurationNs('1.5h')).toBe(5400e9);
    expect(parseGoDurationNs('-2s')).toBe(-2e9);
    expect(parseGoDurationNs('0')).toBe(0);
  });
  it('takes a number as nanoseconds (TimeOrMetaDuration accepts flushFrequency: 0)', () => {
    expect(parseGoDurationNs(0)).toBe(0);
    expect(parseGoDurationNs(5e9)).toBe(5e9);
  });
  it('rejects text that is not a duration', () => {
    expect(parseGoDurationNs('5')).toBeUndefined();
    expect(parseGoDurationNs('1m garbage')).toBeUndefined();
    expect(parseGoDurationNs('')).toBeUndefined();
    expect(parseGoDurationNs(true)).toBeUndefined();
  });
});

describe('formatGoDuration', () => {
  it('prints like time.Duration.String()', () => {
    expect(formatGoDuration(0)).toBe('0s');
    expect(formatGoDuration(60e9)).toBe('1m0s');
    expect(formatGoDuration(4 * 3600e9)).toBe('4h0m0s');
    expect(formatGoDuration(100e6)).toBe('100ms');
    expect(formatGoDuration(1.5e9)).toBe('1.5s');
    expect(formatGoDuration(-30e9)).toBe('-30s');
  });
});

describe('normalizeLeaf', () => {
  it('compares durations by meaning: 1m0s = 60s, "0s" = 0', () => {
    expect(same(['syncFrequency'], '1m0s', '60s')).toBe(true);
    expect(same(['logging', 'flushFrequency'], '0s', 0)).toBe(true);
    expect(same(['syncFrequency'], '1m0s', '1m1s')).toBe(false);
  });
  it('compares quantities exactly: 1Gi = 1024Mi, 50M ≠ 50Mi', () => {
    expect(same(['evictionHard', 'memory.available'], '1Gi', '1024Mi')).toBe(true);
    expect(same(['kubeReserved', 'memory'], '1Gi', '1073741824')).toBe(true);
    expect(same(['containerLogMaxSize'], '50M', '50Mi')).toBe(false);
    expect(same(['containerLogMaxSize'], '10Mi', '10240Ki')).toBe(true);
  });
  it('treats eviction percentages as numbers, not text', () => {
    expect(same(['evictionHard', 'nodefs.available'], '10%', '10.0%')).toBe(true);
    expect(same(['evictionHard', 'nodefs.available'], '10%', '15%')).toBe(false);
    // a percentage never equals a quantity of the same digits
    expect(same(['evictionHard', 'nodefs.available'], '10%', '10')).toBe(false);
  });
  it('ignores order in set-like lists but not in ordered lists', () => {
    expect(same(['clusterDNS'], ['10.96.0.10', '169.254.20.10'], ['169.254.20.10', '10.96.0.10'])).toBe(true);
    expect(same(['tlsCipherSuites'], ['A', 'B'], ['B', 'A'])).toBe(true);
    expect(same(['logging', 'vmodule'], [{ filePattern: 'a', verbosity: 1 }, { filePattern: 'b', verbosity: 2 }], [{ filePattern: 'b', verbosity: 2 }, { filePattern: 'a', verbosity: 1 }])).toBe(false);
    expect(same(['registerWithTaints'], [{ key: 'a', effect: 'NoSchedule' }, { key: 'b', effect: 'NoExecute' }], [{ effect: 'NoExecute', key: 'b' }, { key: 'a', effect: 'NoSchedule' }])).toBe(true);
  });
  it('keeps types apart: the string "110" is not the number 110', () => {
    expect(same(['maxPods'], 110, '110')).toBe(false);
    expect(same(['maxPods'], 110, 110)).toBe(true);
  });
  it('falls back to text when a value does not parse, so it still shows as a difference', () => {
    expect(normalizeLeaf(['syncFrequency'], 'soon').canon).toBe('s:soon');
    expect(same(['evictionHard', 'memory.available'], 'lots', '100Mi')).toBe(false);
  });
  it('classifies map children by their parent field', () => {
    expect(fieldKind(['evictionHard', 'memory.available'], '100Mi')).toBe('threshold');
    expect(fieldKind(['evictionSoftGracePeriod', 'memory.available'], '1m30s')).toBe('duration');
    expect(fieldKind(['featureGates', 'Foo'], true)).toBe('scalar');
    expect(fieldKind(['clusterDNS'], [])).toBe('set');
  });
});

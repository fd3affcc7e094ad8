import { describe, expect, it } from 'vitest';
import { canonicalDisplay, durationNanos, fieldKind, normalizeLeaf } from './config-normalize';

const same = (path: string[], a: unknown, b: unknown) => normalizeLeaf(path, a).canon === normalizeLeaf(path, b).canon;

describe('durationNanos', () => {
  it('reads Go duration text through the shared parser', () => {
    expect(durationNanos('1m0s')).toBe(60_000_000_000n);
    expect(durationNanos('60s')).toBe(60_000_000_000n);
    expect(durationNanos('0')).toBe(0n);
  });
  it('takes a number as nanoseconds (TimeOrMetaDuration accepts flushFrequency: 0)', () => {
    expect(durationNanos(0)).toBe(0n);
    expect(durationNanos(5e9)).toBe(5_000_000_000n);
  });
  it('rejects values that are not durations', () => {
    expect(durationNanos('5')).toBeUndefined();
    expect(durationNanos('')).toBeUndefined();
    expect(durationNanos(true)).toBeUndefined();
    expect(durationNanos(Number.NaN)).toBeUndefined();
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
    expect(
      same(
        ['logging', 'vmodule'],
        [
          { filePattern: 'a', verbosity: 1 },
          { filePattern: 'b', verbosity: 2 },
        ],
        [
          { filePattern: 'b', verbosity: 2 },
          { filePattern: 'a', verbosity: 1 },
        ],
      ),
    ).toBe(false);
    expect(
      same(
        ['registerWithTaints'],
        [
          { key: 'a', effect: 'NoSchedule' },
          { key: 'b', effect: 'NoExecute' },
        ],
        [
          { effect: 'NoExecute', key: 'b' },
          { key: 'a', effect: 'NoSchedule' },
        ],
      ),
    ).toBe(true);
  });
  it('keeps types apart: the string "110" is not the number 110', () => {
    expect(same(['maxPods'], 110, '110')).toBe(false);
    expect(same(['maxPods'], 110, 110)).toBe(true);
  });
  it('falls back to text when a value does not parse, so it still shows as a difference', () => {
    expect(normalizeLeaf(['syncFrequency'], 'soon').canon).toBe('s:soon');
    expect(same(['evictionHard', 'memory.available'], 'lots', '100Mi')).toBe(false);
  });
  it('renders equal values identically in canonical form', () => {
    expect(canonicalDisplay(['syncFrequency'], '60s')).toBe('1m0s');
    expect(canonicalDisplay(['evictionHard', 'memory.available'], '1024Mi')).toBe('1Gi');
    expect(canonicalDisplay(['evictionHard', 'nodefs.available'], '10%')).toBe('10%');
  });
  it('treats /var/run and /run CRI sockets, with or without unix://, as one endpoint', () => {
    const p = ['containerRuntimeEndpoint'];
    expect(same(p, 'unix:///var/run/containerd/containerd.sock', 'unix:///run/containerd/containerd.sock')).toBe(true);
    expect(same(p, '/run/containerd/containerd.sock', 'unix:///run/containerd/containerd.sock')).toBe(true);
    expect(same(p, 'unix:///var/run/cri-dockerd.sock', 'unix:///run/containerd/containerd.sock')).toBe(false);
  });
  it('classifies map children by their parent field', () => {
    expect(fieldKind(['evictionHard', 'memory.available'], '100Mi')).toBe('threshold');
    expect(fieldKind(['evictionSoftGracePeriod', 'memory.available'], '1m30s')).toBe('duration');
    expect(fieldKind(['featureGates', 'Foo'], true)).toBe('scalar');
    expect(fieldKind(['clusterDNS'], [])).toBe('set');
  });
});

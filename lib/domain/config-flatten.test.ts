import { describe, expect, it } from 'vitest';
import { forEachLeaf, formatPath, isIgnored, pathFromKey, pathKey, stripPaths } from './config-flatten';

describe('forEachLeaf', () => {
  it('keeps map keys that contain dots as one path segment', () => {
    const leaves: string[][] = [];
    forEachLeaf({ evictionHard: { 'memory.available': '100Mi' }, maxPods: 110 }, (p) => leaves.push(p));
    expect(leaves).toEqual([['evictionHard', 'memory.available'], ['maxPods']]);
    expect(formatPath(leaves[0] as string[])).toBe('evictionHard.memory.available');
  });
  it('skips null and empty objects (omitempty and YAML null mean unset)', () => {
    const leaves: string[][] = [];
    forEachLeaf({ memorySwap: {}, evictionMinimumReclaim: null, clusterDNS: [] }, (p) => leaves.push(p));
    expect(leaves).toEqual([['clusterDNS']]);
  });
  it('round-trips paths through pathKey', () => {
    const p = ['evictionHard', 'memory.available'];
    expect(pathFromKey(pathKey(p))).toEqual(p);
  });
});

describe('isIgnored', () => {
  it('matches on segment boundaries of the displayed path', () => {
    expect(isIgnored(['tlsCertFile'], ['tlsCertFile'])).toBe(true);
    expect(isIgnored(['tlsCertFileX'], ['tlsCertFile'])).toBe(false);
    expect(isIgnored(['evictionHard', 'memory.available'], ['evictionHard'])).toBe(true);
    expect(isIgnored(['evictionHard', 'memory.available'], ['evictionHard.memory.available'])).toBe(true);
    expect(isIgnored(['evictionHard', 'memory.available'], ['evictionHard.memory'])).toBe(true);
    expect(isIgnored(['evictionHard', 'nodefs.available'], ['evictionHard.memory.available'])).toBe(false);
    expect(isIgnored(['maxPods'], [])).toBe(false);
  });
});

describe('stripPaths', () => {
  it('removes exact-key patterns without touching the input', () => {
    const src = { providerID: 'aws:///x', authentication: { x509: { clientCAFile: '/ca' }, webhook: { enabled: true } } };
    const out = stripPaths(src, ['providerID', 'authentication.x509.clientCAFile', 'nope']);
    expect(out).toEqual({ authentication: { x509: {}, webhook: { enabled: true } } });
    expect(src.providerID).toBe('aws:///x');
    expect(src.authentication.x509.clientCAFile).toBe('/ca');
  });
});

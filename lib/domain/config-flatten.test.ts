import { describe, expect, it } from 'vitest';
import {
  fingerprint,
  forEachLeaf,
  formatPath,
  ignoreTrie,
  isIgnored,
  pathFromKey,
  pathKey,
  sameConfig,
} from './config-flatten';

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

describe('fingerprint and sameConfig', () => {
  const trie = ignoreTrie(['providerID', 'authentication.x509.clientCAFile', 'evictionHard.memory.available']);
  const base = {
    providerID: 'aws:///x',
    maxPods: 110,
    authentication: { x509: { clientCAFile: '/ca' }, webhook: { enabled: true } },
    evictionHard: { 'memory.available': '1Gi', 'nodefs.available': '10%' },
  };
  const other = {
    providerID: 'aws:///y',
    maxPods: 110,
    authentication: { x509: { clientCAFile: '/other' }, webhook: { enabled: true } },
    evictionHard: { 'memory.available': '2Gi', 'nodefs.available': '10%' },
  };
  it('gives configs that differ only in ignored paths (including map keys with dots) the same fingerprint', () => {
    expect(fingerprint(base, trie)).toBe(fingerprint(other, trie));
    expect(sameConfig(base, other, trie)).toBe(true);
  });
  it('tells apart configs that differ elsewhere', () => {
    const changed = { ...other, maxPods: 64 };
    expect(fingerprint(base, trie)).not.toBe(fingerprint(changed, trie));
    expect(sameConfig(base, changed, trie)).toBe(false);
    expect(sameConfig({ a: [1, 2] }, { a: [2, 1] }, trie)).toBe(false);
    expect(sameConfig({ a: '1' }, { a: 1 }, trie)).toBe(false);
    expect(fingerprint({ a: '1' }, trie)).not.toBe(fingerprint({ a: 1 }, trie));
  });
  it('does not modify its input', () => {
    const before = JSON.stringify(base);
    fingerprint(base, trie);
    expect(JSON.stringify(base)).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors';
import { StatusError } from './status';

const labels = { 'node-role.kubernetes.io/control-plane': '', zone: 'a', tier: 'web' };

describe('label selectors', () => {
  it('an empty selector matches everything', () => {
    expect(matchesLabels(parseLabelSelector(''), undefined)).toBe(true);
    expect(matchesLabels(parseLabelSelector(null), labels)).toBe(true);
  });

  it('supports =, == and !=', () => {
    expect(matchesLabels(parseLabelSelector('zone=a'), labels)).toBe(true);
    expect(matchesLabels(parseLabelSelector('zone==b'), labels)).toBe(false);
    expect(matchesLabels(parseLabelSelector('zone!=b'), labels)).toBe(true);
    expect(matchesLabels(parseLabelSelector('missing!=x'), labels)).toBe(true);
  });

  it('supports in and notin with commas inside the parentheses', () => {
    expect(parseLabelSelector('zone in (a, b),tier notin (db)')).toEqual([
      { key: 'zone', op: 'in', values: ['a', 'b'] },
      { key: 'tier', op: 'notin', values: ['db'] },
    ]);
    expect(matchesLabels(parseLabelSelector('zone in (a,b),tier notin (db)'), labels)).toBe(true);
    expect(matchesLabels(parseLabelSelector('zone in (b,c)'), labels)).toBe(false);
    expect(matchesLabels(parseLabelSelector('absent notin (x)'), labels)).toBe(true);
  });

  it('supports existence and non-existence, including prefixed keys with empty values', () => {
    expect(matchesLabels(parseLabelSelector('node-role.kubernetes.io/control-plane'), labels)).toBe(true);
    expect(matchesLabels(parseLabelSelector('!node-role.kubernetes.io/control-plane'), labels)).toBe(false);
    expect(matchesLabels(parseLabelSelector('!gpu'), labels)).toBe(true);
  });

  it('rejects malformed selectors with a 400 Status', () => {
    expect(() => parseLabelSelector('zone in a')).toThrow(StatusError);
    expect(() => parseLabelSelector('bad key=1')).toThrow(/unable to parse requirement/);
    try {
      parseLabelSelector('a=(b');
    } catch (e) {
      expect(e).toBeInstanceOf(StatusError);
      expect((e as StatusError).statusCode).toBe(400);
    }
  });
});

describe('field selectors', () => {
  const get = (f: string) => ({ 'metadata.name': 'n1', 'spec.nodeName': 'k8s-worker-1' })[f];

  it('matches = and != on supported fields', () => {
    expect(matchesFields(parseFieldSelector('spec.nodeName=k8s-worker-1', ['spec.nodeName']), get)).toBe(true);
    expect(matchesFields(parseFieldSelector('metadata.name!=n1', ['metadata.name']), get)).toBe(false);
  });

  it('rejects unsupported fields like the apiserver', () => {
    expect(() => parseFieldSelector('spec.foo=x', ['metadata.name'])).toThrow('field label not supported: spec.foo');
  });
});

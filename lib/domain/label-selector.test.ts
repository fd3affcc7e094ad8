import { describe, expect, it } from 'vitest';
import { LabelSelectorError, matchesSelector, parseLabelSelector } from './label-selector';

const labels = {
  'eks.amazonaws.com/nodegroup': 'general-purpose',
  'topology.kubernetes.io/zone': 'us-east-1a',
  'node-role.kubernetes.io/control-plane': '',
  'example.com/gpu-count': '4',
};
const sel = (text: string) => matchesSelector(parseLabelSelector(text), labels);

describe('label selectors (apimachinery labels.Parse semantics)', () => {
  it('selects everything when empty', () => {
    expect(parseLabelSelector('  ')).toEqual([]);
    expect(sel('')).toBe(true);
  });
  it('reads equality, inequality and existence', () => {
    expect(sel('eks.amazonaws.com/nodegroup=general-purpose')).toBe(true);
    expect(sel('eks.amazonaws.com/nodegroup==general-purpose')).toBe(true);
    expect(sel('eks.amazonaws.com/nodegroup!=general-purpose')).toBe(false);
    expect(sel('node-role.kubernetes.io/control-plane')).toBe(true);
    expect(sel('!node-role.kubernetes.io/control-plane')).toBe(false);
    expect(sel('node-role.kubernetes.io/control-plane=')).toBe(true);
  });
  it('matches != and notin on nodes without the key, as upstream', () => {
    expect(sel('cloud.google.com/gke-nodepool!=default-pool')).toBe(true);
    expect(sel('cloud.google.com/gke-nodepool notin (default-pool)')).toBe(true);
    expect(sel('cloud.google.com/gke-nodepool in (default-pool)')).toBe(false);
  });
  it('reads set-based requirements and ANDs them', () => {
    expect(sel('topology.kubernetes.io/zone in (us-east-1a, us-east-1b),eks.amazonaws.com/nodegroup')).toBe(true);
    expect(sel('topology.kubernetes.io/zone in (us-east-1b),eks.amazonaws.com/nodegroup')).toBe(false);
    expect(sel('topology.kubernetes.io/zone notin (us-east-1b)')).toBe(true);
  });
  it('compares integers with > and <', () => {
    expect(sel('example.com/gpu-count>2')).toBe(true);
    expect(sel('example.com/gpu-count<2')).toBe(false);
    expect(sel('topology.kubernetes.io/zone>2')).toBe(false);
  });
  it('rejects malformed selectors with the reason', () => {
    expect(() => parseLabelSelector('a in (b')).toThrow(LabelSelectorError);
    expect(() => parseLabelSelector('a,,b')).toThrow(/empty requirement/);
    expect(() => parseLabelSelector('-bad=x')).toThrow(/not a valid label key/);
    expect(() => parseLabelSelector('a=b c')).toThrow(/not a valid label value/);
    expect(() => parseLabelSelector('a>x')).toThrow(/not an integer/);
    expect(() => parseLabelSelector(`a=${'v'.repeat(64)}`)).toThrow(/not a valid label value/);
  });
});

import { describe, expect, it } from 'vitest';
import { CompareQuerySchema, ignoreOf, queryFromSearchParams } from './compare';

const parse = (qs: string) => CompareQuerySchema.safeParse(queryFromSearchParams(new URLSearchParams(qs)));

describe('CompareQuerySchema', () => {
  it('accepts names, a selector, baselines and an explicit empty ignore list', () => {
    const q = parse('nodes=k8s-worker-1,k8s-worker-3&ignore=&baseline=defaults&by=variant&all=1');
    expect(q.success && q.data).toMatchObject({
      nodes: ['k8s-worker-1', 'k8s-worker-3'],
      ignore: [],
      baseline: 'defaults',
      by: 'variant',
      format: 'json',
    });
    expect(q.success && ignoreOf(q.data)).toEqual([]);
    const s = parse('selector=topology.kubernetes.io/zone%3Dus-east-1a,node-role.kubernetes.io/control-plane');
    expect(s.success).toBe(true);
  });
  it('uses the default ignore list and ConfigMap baseline when the URL says nothing', () => {
    const q = parse('');
    expect(q.success && q.data.baseline).toBe('configmap');
    expect(q.success && ignoreOf(q.data)).toContain('providerID');
  });
  it('rejects node names that could smuggle a path into the node proxy', () => {
    expect(parse('nodes=k8s-worker-1,..%2Fsecrets').success).toBe(false);
    expect(parse('nodes=a/b').success).toBe(false);
  });
  it('rejects a node baseline without a node, unknown formats and odd ignore patterns', () => {
    expect(parse('baseline=node').success).toBe(false);
    expect(parse('format=xml').success).toBe(false);
    expect(parse('ignore=a%20b').success).toBe(false);
    expect(parse('selector=a%3Bb').success).toBe(false);
  });
});

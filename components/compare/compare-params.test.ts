import { describe, expect, it } from 'vitest';
import { CompareQuerySchema, queryFromSearchParams } from '@/lib/api/compare';
import { exportHref, parseCompareParams, serializeCompareParams } from './compare-params';

describe('compare URL state', () => {
  it('round-trips through the URL', () => {
    const p = parseCompareParams(
      new URLSearchParams(
        'nodes=k8s-worker-1,k8s-worker-3&ignore=providerID,tlsCertFile&baseline=node&baselineNode=k8s-worker-1&by=node&showIgnored=1&all=1',
      ),
    );
    expect(p).toEqual({
      nodes: ['k8s-worker-1', 'k8s-worker-3'],
      ignore: ['providerID', 'tlsCertFile'],
      baseline: 'node',
      baselineNode: 'k8s-worker-1',
      by: 'node',
      showIgnored: true,
      all: true,
    });
    expect(parseCompareParams(new URLSearchParams(serializeCompareParams(p)))).toEqual(p);
  });
  it('keeps an empty ignore list distinct from the default one', () => {
    expect(parseCompareParams(new URLSearchParams('ignore=')).ignore).toEqual([]);
    expect(parseCompareParams(new URLSearchParams('')).ignore).toBeUndefined();
    expect(serializeCompareParams({ baseline: 'configmap', ignore: [], showIgnored: false, all: false })).toBe(
      'ignore=',
    );
  });
  it('produces API queries the server accepts', () => {
    const p = parseCompareParams(
      new URLSearchParams('selector=node-role.kubernetes.io/control-plane&baseline=defaults'),
    );
    const href = exportHref(p, 'csv');
    const q = CompareQuerySchema.parse(queryFromSearchParams(new URL(href, 'http://x').searchParams));
    expect(q).toMatchObject({ selector: 'node-role.kubernetes.io/control-plane', baseline: 'defaults', format: 'csv' });
  });
  it('falls back to the ConfigMap baseline for an unknown value', () => {
    expect(parseCompareParams(new URLSearchParams('baseline=bogus')).baseline).toBe('configmap');
  });
});

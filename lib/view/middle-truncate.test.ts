import { describe, expect, it } from 'vitest';
import { splitForMiddleTruncation } from './middle-truncate';

describe('splitForMiddleTruncation', () => {
  it('keeps the last segment of GKE node names that share a prefix, so both stay distinguishable', () => {
    const a = splitForMiddleTruncation('gke-prod-default-pool-1a2b3c4d-x9k2');
    const b = splitForMiddleTruncation('gke-prod-default-pool-1a2b3c4d-q7mz');
    expect(a).toEqual({ head: 'gke-prod-default-pool-1a2b3c4d', tail: '-x9k2' });
    expect(b.tail).toBe('-q7mz');
    expect(a.tail).not.toBe(b.tail);
  });

  it('keeps the longest tail that fits, so related segments stay together', () => {
    expect(splitForMiddleTruncation('aks-nodepool1-12345678-vmss000003').tail).toBe('-vmss000003');
    expect(splitForMiddleTruncation('ip-10-0-1-23.eu-west-1.compute.internal').tail).toBe('.internal');
  });

  it('keeps the effect of a taint', () => {
    expect(splitForMiddleTruncation('node.kubernetes.io/unschedulable:NoSchedule').tail).toBe(':NoSchedule');
    expect(splitForMiddleTruncation('dedicated=gpu-workloads-team-a:NoExecute').tail).toBe('-a:NoExecute');
  });

  it('falls back to the last characters when no separator is near the end', () => {
    const s = splitForMiddleTruncation('averyveryverylongnodenamewithoutanyseparator');
    expect(s.tail).toBe('eparator');
    expect(s.head + s.tail).toBe('averyveryverylongnodenamewithoutanyseparator');
  });

  it('does not split short values', () => {
    expect(splitForMiddleTruncation('k8s-worker-1')).toEqual({ head: 'k8s-worker-1', tail: '' });
    expect(splitForMiddleTruncation('')).toEqual({ head: '', tail: '' });
  });

  it('always reassembles to the input, code points intact', () => {
    for (const text of [
      'gke-a-b-c-d-e-f-g-h-i-j-k-l-m',
      'node-名前-とても長い-ノード-名前-😀😀😀😀😀',
      'x'.repeat(300),
    ]) {
      const { head, tail } = splitForMiddleTruncation(text);
      expect(head + tail).toBe(text);
      expect(tail.startsWith('\uDE00')).toBe(false);
    }
  });

  it('ignores a separator too close to the end to identify anything', () => {
    // "-1" is shorter than minTail: the tail reaches back to an earlier separator instead
    expect(splitForMiddleTruncation('ip-172-31-22-143-us-west-2-node-1').tail).toBe('-2-node-1');
  });
});

import { describe, expect, it } from 'vitest';
import { rankForMemoryEviction, type PodMemoryFacts } from './eviction-ranking';

const Mi = 1024n * 1024n;
const pod = (name: string, f: Partial<PodMemoryFacts>): PodMemoryFacts => ({
  namespace: 'default',
  name,
  qosClass: 'Burstable',
  priority: 0,
  memoryRequestBytes: 0n,
  ...f,
});

describe('rankForMemoryEviction', () => {
  it('evicts pods over their requests first, then lower priority, then the largest excess', () => {
    const ranked = rankForMemoryEviction([
      pod('guaranteed-db', { qosClass: 'Guaranteed', memoryRequestBytes: 2048n * Mi, workingSetBytes: 1500n * Mi }),
      pod('system-critical', { priority: 2000001000, memoryRequestBytes: 100n * Mi, workingSetBytes: 300n * Mi }),
      pod('besteffort-small', { qosClass: 'BestEffort', workingSetBytes: 50n * Mi }),
      pod('burstable-big', { memoryRequestBytes: 256n * Mi, workingSetBytes: 900n * Mi }),
      pod('under-request', { memoryRequestBytes: 512n * Mi, workingSetBytes: 100n * Mi }),
    ]);
    expect(ranked.map((p) => p.name)).toEqual([
      'burstable-big', // exceeds by 644Mi, priority 0
      'besteffort-small', // exceeds by 50Mi, priority 0
      'system-critical', // exceeds, but high priority
      'under-request', // under requests: −412Mi
      'guaranteed-db', // under requests: −548Mi
    ]);
    expect(ranked[0]).toMatchObject({ rank: 1, exceedsRequests: true, usageAboveRequestsBytes: 644n * Mi });
  });
  it('puts pods without stats first, as the kubelet does', () => {
    const ranked = rankForMemoryEviction([pod('a', { workingSetBytes: 10n * Mi }), pod('no-stats', {})]);
    expect(ranked[0]?.name).toBe('no-stats');
  });
  it('handles an empty node', () => {
    expect(rankForMemoryEviction([])).toEqual([]);
  });
});

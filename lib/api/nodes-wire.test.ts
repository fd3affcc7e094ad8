import { describe, expect, it } from 'vitest';
import { testNode } from '@/lib/view/test-nodes';
import type { NodeListResponse } from './nodes';
import { NodeListResponseSchema } from './nodes';
import { NodeListFormatError, decodeNodeList, encodeNodeList } from './nodes-wire';

function list(items: NodeListResponse['items'], over: Partial<NodeListResponse> = {}): NodeListResponse {
  return {
    items,
    metrics: { available: true },
    pods: { available: false, reason: 'Loading', code: 202, message: 'Pod totals are still loading.' },
    context: 'prod',
    fetchedAt: '2026-12-05T14:00:00.000Z',
    ...over,
  };
}

/** Through JSON, as the browser receives it. */
const roundTrip = (l: NodeListResponse) => decodeNodeList(JSON.parse(JSON.stringify(encodeNodeList(l))));

describe('the compact node list', () => {
  it('decodes to exactly the rows it encoded, with every optional and null field', () => {
    const l = list(
      [
        testNode({ name: 'a' }),
        testNode({
          name: 'b',
          ready: 'Unknown',
          roles: [],
          internalIP: undefined,
          unschedulable: true,
          taints: [
            { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
            { key: 'dedicated', value: 'gpu', effect: 'NoExecute' },
          ],
          pressures: ['MemoryPressure', 'PIDPressure'],
          usage: null,
          requests: null,
          limits: null,
          podCount: null,
          labels: {},
        }),
        testNode({ name: 'c', ready: 'False', roles: ['control-plane', 'master'], pressures: ['DiskPressure'] }),
      ],
      { stale: true, staleSince: '2026-12-05T13:59:00.000Z' },
    );
    delete l.items[1]?.internalIP;
    const back = roundTrip(l);
    expect(back).toEqual(l);
    expect(NodeListResponseSchema.parse(back)).toEqual(l);
    expect('internalIP' in (back.items[1] ?? {})).toBe(false);
    expect('value' in (back.items[1]?.taints[0] ?? {})).toBe(false);
  });

  it('keeps a label named like an Object.prototype key as data, never as the prototype', () => {
    // JSON.parse makes "__proto__" an own key, as a body from the server would carry it
    const labels0 = JSON.parse('{"__proto__":"polluted","constructor":"c"}') as Record<string, string>;
    const back = roundTrip(list([testNode({ name: 'x', labels: labels0 })]));
    const labels = back.items[0]?.labels ?? {};
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(Object.keys(labels).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('sends each repeated string once: a GKE-like fleet of 5,000 nodes is under a third of the object shape', () => {
    const zones = ['us-central1-a', 'us-central1-b', 'us-central1-c'];
    const items = Array.from({ length: 5000 }, (_, i) =>
      testNode({
        name: `gke-prod-pool-${i.toString(36).padStart(4, '0')}-a1b2`,
        labels: {
          'kubernetes.io/hostname': `gke-prod-pool-${i}`,
          'topology.kubernetes.io/zone': zones[i % 3] ?? '',
          'node.kubernetes.io/instance-type': 'e2-standard-8',
          'cloud.google.com/gke-nodepool': 'pool-1',
          'cloud.google.com/gke-os-distribution': 'cos',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/os': 'linux',
        },
      }),
    );
    const objectBytes = JSON.stringify(list(items)).length;
    const wireBytes = JSON.stringify(encodeNodeList(list(items))).length;
    expect(wireBytes).toBeLessThan(objectBytes / 3);
  });

  it('rejects a body of another format, or the old object shape', () => {
    expect(() => decodeNodeList(null)).toThrow(NodeListFormatError);
    expect(() => decodeNodeList('<html>')).toThrow(NodeListFormatError);
    expect(() => decodeNodeList(list([testNode({ name: 'a' })]))).toThrow(NodeListFormatError);
  });

  it('rejects an index that points at no string instead of rendering garbage', () => {
    const wire = encodeNodeList(list([testNode({ name: 'a' })]));
    const row = wire.rows[0];
    if (!row) throw new Error('no row');
    row[3] = 999;
    expect(() => decodeNodeList(JSON.parse(JSON.stringify(wire)))).toThrow(/string index 999/);
  });
});

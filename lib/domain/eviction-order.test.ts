import { describe, expect, it } from 'vitest';
import { evictionOrder, signalToRank, type FsLayout, type PodEvictionFacts } from './eviction-order';

const Mi = 1024n * 1024n;
const Gi = 1024n * Mi;
const ONE_FS: FsLayout = { dedicatedImageFs: false, splitContainerFs: false };
const pod = (name: string, f: Partial<PodEvictionFacts>): PodEvictionFacts => ({
  namespace: 'default',
  name,
  qosClass: 'Burstable',
  priority: 0,
  memoryRequestBytes: 0n,
  ephemeralStorageRequestBytes: 0n,
  ...f,
});
const disk = (rootfs: bigint, logs: bigint, volumes: bigint) => ({
  rootfsBytes: rootfs,
  rootfsInodes: 0n,
  logsBytes: logs,
  logsInodes: 0n,
  localVolumeBytes: volumes,
  localVolumeInodes: 0n,
});
const names = (o: ReturnType<typeof evictionOrder>) => o.victims.map((v) => v.pod.name);

describe('evictionOrder for memory signals (rankMemoryPressure)', () => {
  it('evicts pods over their requests first, then lower priority, then the largest excess', () => {
    const o = evictionOrder(
      'memory.available',
      [
        pod('guaranteed-db', { qosClass: 'Guaranteed', memoryRequestBytes: 2048n * Mi, workingSetBytes: 1500n * Mi }),
        pod('besteffort-small', { qosClass: 'BestEffort', workingSetBytes: 50n * Mi }),
        pod('burstable-big', { memoryRequestBytes: 256n * Mi, workingSetBytes: 900n * Mi }),
        pod('under-request', { memoryRequestBytes: 512n * Mi, workingSetBytes: 100n * Mi }),
        pod('high-prio', { priority: 1000, memoryRequestBytes: 100n * Mi, workingSetBytes: 300n * Mi }),
      ],
      ONE_FS,
      true,
    );
    expect(names(o)).toEqual(['burstable-big', 'besteffort-small', 'high-prio', 'under-request', 'guaranteed-db']);
    expect(o.victims[0]).toMatchObject({ rank: 1, exceedsRequests: true, usage: 900n * Mi, request: 256n * Mi });
  });
  it('never lists system-node-critical or mirror pods as victims (calico-node, kube-proxy, static pods)', () => {
    // kubernetes/minikube#4084: the kubelet logs "pods ranked for eviction: kube-scheduler-minikube, etcd-minikube,
    // kube-apiserver-minikube…" then "cannot evict a critical static pod" for each: ranked, never evicted
    const o = evictionOrder(
      'memory.available',
      [
        pod('calico-node-29x5m', { namespace: 'kube-system', priority: 2000001000, workingSetBytes: 300n * Mi }),
        pod('kube-apiserver-cp', { namespace: 'kube-system', mirror: true, workingSetBytes: 900n * Mi }),
        pod('app', { memoryRequestBytes: 512n * Mi, workingSetBytes: 100n * Mi }),
      ],
      ONE_FS,
      true,
    );
    expect(names(o)).toEqual(['app']);
    expect(o.protected.map((p) => [p.pod.name, p.reason])).toEqual([
      ['calico-node-29x5m', 'priority'],
      ['kube-apiserver-cp', 'mirror'],
    ]);
  });
  it('puts pods without stats first, as the kubelet does', () => {
    const o = evictionOrder(
      'memory.available',
      [pod('a', { workingSetBytes: 10n * Mi }), pod('no-stats', {})],
      ONE_FS,
      true,
    );
    expect(names(o)[0]).toBe('no-stats');
  });
  it('says why when no order can be given', () => {
    expect(evictionOrder('memory.available', [], ONE_FS, true).emptyReason).toContain('No running pods');
    expect(evictionOrder('memory.available', [pod('a', {})], ONE_FS, false).emptyReason).toContain('stats/summary');
    const allCritical = evictionOrder('memory.available', [pod('p', { priority: 2000000000 })], ONE_FS, true);
    expect(allCritical.victims).toEqual([]);
    expect(allCritical.emptyReason).toContain('evicts none of them');
  });
});

describe('evictionOrder for disk signals (rankDiskPressureFunc)', () => {
  const pods = [
    pod('logger', { disk: disk(1n * Gi, 4n * Gi, 0n), workingSetBytes: 5000n * Mi }),
    pod('cache', { disk: disk(0n, 0n, 3n * Gi), ephemeralStorageRequestBytes: 2n * Gi }),
    pod('builder', { disk: disk(6n * Gi, 0n, 0n), ephemeralStorageRequestBytes: 10n * Gi }),
  ];
  it('ranks by local ephemeral storage, not memory, on one filesystem', () => {
    const o = evictionOrder('nodefs.available', pods, ONE_FS, true);
    // logger 5Gi > 0 request (+5Gi), cache 3Gi > 2Gi (+1Gi); builder 6Gi < 10Gi request
    expect(names(o)).toEqual(['logger', 'cache', 'builder']);
    expect(o.victims[0]?.usage).toBe(5n * Gi);
    expect(o.measures).toContain('writable layers + logs + local volumes');
  });
  it('with a dedicated imagefs, nodefs measures logs and volumes and imagefs the writable layers', () => {
    const layout = { dedicatedImageFs: true, splitContainerFs: false };
    expect(names(evictionOrder('nodefs.available', pods, layout, true))).toEqual(['logger', 'cache', 'builder']);
    expect(evictionOrder('nodefs.available', pods, layout, true).victims.map((v) => v.usage)).toEqual([
      4n * Gi,
      3n * Gi,
      0n,
    ]);
    // imagefs: logger 1Gi > 0, builder 6Gi < 10Gi, cache 0 ≤ 2Gi
    expect(names(evictionOrder('imagefs.available', pods, layout, true))).toEqual(['logger', 'cache', 'builder']);
  });
});

describe('evictionOrder for pid.available (rankPIDPressure)', () => {
  it('orders by priority, then process count', () => {
    const o = evictionOrder(
      'pid.available',
      [
        pod('few', { processCount: 3n }),
        pod('many', { processCount: 900n }),
        pod('prio', { priority: 10, processCount: 5000n }),
      ],
      ONE_FS,
      true,
    );
    expect(names(o)).toEqual(['many', 'few', 'prio']);
  });
});

describe('signalToRank', () => {
  it('shows the storage order on a DiskPressure node, the memory order otherwise', () => {
    const statuses = [
      { signal: 'memory.available' as const, met: false, distance: 3n * Gi, capacity: 8n * Gi },
      { signal: 'nodefs.available' as const, met: false, distance: 1n * Gi, capacity: 100n * Gi },
      { signal: 'imagefs.available' as const, met: false, distance: 40n * Gi, capacity: 100n * Gi },
    ];
    expect(signalToRank(statuses, [{ type: 'DiskPressure', status: 'True' }]).signal).toBe('nodefs.available');
    expect(signalToRank(statuses, []).signal).toBe('memory.available');
  });
  it('prefers a threshold crossed now, memory first', () => {
    const statuses = [
      { signal: 'nodefs.available' as const, met: true },
      { signal: 'memory.available' as const, met: true },
    ];
    expect(signalToRank(statuses, []).signal).toBe('memory.available');
    expect(signalToRank([{ signal: 'nodefs.inodesFree', met: true }], []).signal).toBe('nodefs.inodesFree');
  });
});

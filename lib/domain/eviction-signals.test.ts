import { describe, expect, it } from 'vitest';
import { parseEvictionSettings } from './eviction-thresholds';
import { evaluateThresholds, observeSignals } from './eviction-signals';
import s117 from './fixtures/summary-v1.17-kind.json';
import s125 from './fixtures/summary-v1.25.3-kind.json';
import v127 from './fixtures/configz-v1.27-kubeadm-systemd.json';

describe('observeSignals', () => {
  it('computes every signal a v1.25 kind node reports', () => {
    const obs = Object.fromEntries(observeSignals(s125).map((o) => [o.signal, o]));
    expect(obs['memory.available']).toMatchObject({ available: 15189405696n, capacity: 15189405696n + 1450459136n });
    expect(obs['allocatableMemory.available']).toMatchObject({
      available: 15866990592n,
      capacity: 15866990592n + 772874240n,
    });
    expect(obs['nodefs.available']).toMatchObject({ available: 15873736704n, capacity: 205918412800n });
    expect(obs['nodefs.inodesFree']).toMatchObject({ available: 31007474n, capacity: 32462592n });
    expect(obs['imagefs.available']).toMatchObject({ available: 15873736704n, capacity: 205918412800n });
    expect(obs['pid.available']).toMatchObject({ available: 126764n - 591n, capacity: 126764n });
    expect(obs['containerfs.available']).toBeUndefined(); // containerFs arrived in 1.29
  });
  it('skips blocks that are missing', () => {
    expect(observeSignals({ node: {} })).toEqual([]);
    expect(observeSignals({ node: { memory: { availableBytes: 1 } } })).toEqual([]);
  });
});

describe('evaluateThresholds', () => {
  it('puts the v1.25 capture against the pre-1.30 defaults: imagefs is under its 15% threshold', () => {
    const { thresholds } = parseEvictionSettings(v127.kubeletconfig);
    const rows = Object.fromEntries(
      evaluateThresholds(thresholds, observeSignals(s125)).map((r) => [r.threshold.signal, r]),
    );
    // 15873736704 available of 205918412800: 7.7%, below both 10% nodefs and 15% imagefs
    expect(rows['nodefs.available']).toMatchObject({
      thresholdAmount: 20591841586n,
      met: true,
      condition: 'DiskPressure',
    });
    expect(rows['nodefs.available']?.distance).toBe(15873736704n - 20591841586n);
    expect(rows['imagefs.available']).toMatchObject({ met: true });
    expect(rows['memory.available']).toMatchObject({ thresholdAmount: 104857600n, met: false });
    expect(rows['memory.available']?.distance).toBe(15189405696n - 104857600n);
    expect(rows['nodefs.inodesFree']).toMatchObject({ met: false, condition: 'DiskPressure' });
  });
  it('resolves a memory percentage against available + working set', () => {
    const { thresholds } = parseEvictionSettings({ evictionHard: { 'memory.available': '10%' } });
    const [row] = evaluateThresholds(thresholds, observeSignals(s117));
    expect(row?.thresholdAmount).toBe(
      BigInt(Math.trunc((15211810816 + 1417551872) * Math.fround(Math.fround(10) / 100))),
    );
  });
  it('leaves thresholds without a live signal unobserved', () => {
    const { thresholds } = parseEvictionSettings({ evictionHard: { 'containerfs.available': '10%' } });
    const [row] = evaluateThresholds(thresholds, observeSignals(s117));
    expect(row?.observation).toBeUndefined();
    expect(row?.met).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import eks from './fixtures/managed/eks-nodeadm-kubelet-config.json';
import {
  machineSizesFor,
  matchManagedModels,
  tieredCpuReserveMillis,
  tieredMemoryReserveBytes,
} from './managed-reservations';
import { parseQuantity, toUnits } from './quantity';

const Ki = 1024n;
const Mi = 1024n * Ki;
const Gi = 1024n * Mi;
const bytes = (q: string) => toUnits(parseQuantity(q));

describe('the formulas', () => {
  it('computes EKS/GKE cpu tiers as nodeadm does (integer millicores per range)', () => {
    expect(tieredCpuReserveMillis(1000n)).toBe(60n);
    expect(tieredCpuReserveMillis(2000n)).toBe(70n);
    expect(tieredCpuReserveMillis(4000n)).toBe(80n); // GKE docs: cpu 4 → allocatable 3920m
    expect(tieredCpuReserveMillis(8000n)).toBe(90n);
    expect(tieredCpuReserveMillis(96000n)).toBe(310n);
  });
  it('computes the regressive memory tiers', () => {
    expect(tieredMemoryReserveBytes(512n * Mi)).toBe(255n * Mi);
    expect(tieredMemoryReserveBytes(4n * Gi)).toBe(1024n * Mi);
    expect(tieredMemoryReserveBytes(16n * Gi)).toBe(BigInt(Math.floor((1 + 0.8 + 0.8) * 1024 * 1024 * 1024)));
  });
  it('tries machine sizes from the capacity up to 10 % above, in quarter GiB', () => {
    const sizes = machineSizesFor(7120616n * Ki);
    expect(sizes[0]).toBe(7120616n * Ki);
    expect(sizes).toContain(7n * Gi);
    expect(sizes.every((s) => s <= (7120616n * Ki * 110n) / 100n)).toBe(true);
  });
});

describe('matchManagedModels', () => {
  it('recognises the EKS nodeadm config (upstream test data) from its kubeReserved', () => {
    const matches = matchManagedModels(
      { cpuMillis: 2000n, memoryBytes: 8n * Gi, maxPods: eks.maxPods, kubeletMinor: 33 },
      {
        cpuMillis: 70n,
        memoryBytes: bytes(eks.kubeReserved.memory),
        evictionMemoryBytes: bytes(eks.evictionHard['memory.available']),
      },
      false,
    );
    expect(matches.map((m) => m.model)).toEqual(['eks']);
    expect(matches[0]?.matched.map((x) => x.resource)).toEqual(['memory', 'cpu']);
    expect(matches[0]?.matched[0]?.text).toContain('11 MiB × 110 max pods + 255 MiB');
  });
  it('recognises the AKS worked example (7 GiB VM, before 1.29) and names the machine size it assumed', () => {
    const shape = { cpuMillis: 2000n, memoryBytes: 7120616n * Ki, maxPods: 110, kubeletMinor: 22 };
    const fromConfig = matchManagedModels(
      shape,
      { cpuMillis: 100n, memoryBytes: 1638n * Mi, evictionMemoryBytes: 750n * Mi },
      false,
    );
    expect(fromConfig.map((m) => m.model)).toEqual(['aks-pre-1.29']);
    expect(fromConfig[0]?.machineBytes).toBe(7n * Gi);
    expect(fromConfig[0]?.matched.map((x) => x.resource)).toEqual(['memory', 'cpu']);
    // without configz: capacity − allocatable holds kube-reserved and the eviction threshold
    const fromStatus = matchManagedModels(shape, { cpuMillis: 100n, memoryBytes: (7120616n - 4675304n) * Ki }, true);
    expect(fromStatus.map((m) => m.model)).toEqual(['aks-pre-1.29']);
    expect(fromStatus[0]?.matched[0]?.text).toContain('750 MiB eviction threshold');
  });
  it('names no model when none reproduces the numbers', () => {
    expect(
      matchManagedModels(
        { cpuMillis: 4000n, memoryBytes: 16n * Gi, maxPods: 110, kubeletMinor: 33 },
        { memoryBytes: 512n * Mi },
        false,
      ),
    ).toEqual([]);
  });
});

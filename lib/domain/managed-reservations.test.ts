import { describe, expect, it } from 'vitest';
import kubeadmConfigz from './fixtures/configz-v1.27-kubeadm-systemd.json';
import aksFlags from './fixtures/managed/aks-kubelet-flags.json';
import eks from './fixtures/managed/eks-nodeadm-kubelet-config.json';
import captures from './fixtures/managed/node-status-captures.json';
import {
  gkeMemoryReserveBytes,
  machineSizesFor,
  matchManagedModels,
  tieredCpuReserveMillis,
  tieredMemoryReserveBytes,
} from './managed-reservations';
import { parseQuantity, toMillis, toUnits } from './quantity';

const Ki = 1024n;
const Mi = 1024n * Ki;
const Gi = 1024n * Mi;
const bytes = (q: string) => toUnits(parseQuantity(q));
const millis = (q: string) => toMillis(parseQuantity(q));

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
  it('computes GKE memory with "GB" = 1000 MiB boundaries, as cluster-autoscaler predicts GKE nodes', () => {
    expect(gkeMemoryReserveBytes(1000n * Mi)).toBe(255n * Mi);
    expect(gkeMemoryReserveBytes(7680n * Mi)).toBe(1736n * Mi); // 1000 + 20 % of 3680
    expect(gkeMemoryReserveBytes(32n * Gi)).toBe(3606n * Mi); // 2600 + 6 % of 16768, truncated
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
  // capacity − allocatable from a node's status, as matchManagedModels takes it when configz is not readable
  const fromStatus = (c: {
    capacity: { cpu: string; memory: string };
    allocatable: { cpu: string; memory: string };
  }) => ({
    shape: { cpuMillis: millis(c.capacity.cpu), memoryBytes: bytes(c.capacity.memory) },
    observed: {
      cpuMillis: millis(c.capacity.cpu) - millis(c.allocatable.cpu),
      memoryBytes: bytes(c.capacity.memory) - bytes(c.allocatable.memory),
    },
  });
  // Real GKE nodes: 2i2c-org/infrastructure#2121 (GKE 1.25) and kubernetes/kubernetes#52650 (GKE e2e, 2017).
  it.each([
    ['gke-1.25-n2-highmem-4', 32n * Gi, 25],
    ['gke-1.25-n2-highmem-16', 128n * Gi, 25],
    ['gke-1.25-n2-highmem-64', 512n * Gi, 25],
    ['gke-e2e-2017-2vcpu', 7680n * Mi, 8],
  ] as const)('names GKE, memory and cpu, for the real node status %s', (key, machine, minor) => {
    const { shape, observed } = fromStatus(captures[key]);
    // maxPods is not in the captures; 110 is GKE Standard's default
    const matches = matchManagedModels({ ...shape, maxPods: 110, kubeletMinor: minor }, observed, true);
    expect(matches.map((m) => m.model)).toEqual(['gke']);
    expect(matches[0]?.machineBytes).toBe(machine);
    expect(matches[0]?.matched.map((x) => x.resource)).toEqual(['memory', 'cpu']);
    expect(matches[0]?.matched[0]?.text).toContain('100 MiB eviction threshold');
  });
  it('names AKS (1.29 and later) for a real AKS kubelet: kube-reserved 2250Mi = 20 × 110 max pods + 50, 100Mi', () => {
    const flags = (s: string) => Object.fromEntries(s.split(',').map((kv) => kv.split(/[=<]/) as [string, string]));
    const reserved = flags(aksFlags['--kube-reserved']);
    const eviction = flags(aksFlags['--eviction-hard']);
    // The capture has no memory capacity: every 8-vCPU (cpu=180m) Azure size has ≥ 16 GiB, where 25 % > 2250 MiB.
    for (const memoryBytes of [16n * Gi, 32n * Gi, 64n * Gi]) {
      const matches = matchManagedModels(
        { cpuMillis: 8000n, memoryBytes, maxPods: Number(aksFlags['--max-pods']), kubeletMinor: null },
        {
          cpuMillis: millis(reserved.cpu ?? ''),
          memoryBytes: bytes(reserved.memory ?? ''),
          evictionMemoryBytes: bytes(eviction['memory.available'] ?? ''),
        },
        false,
      );
      expect(matches.map((m) => m.model)).toEqual(['aks']);
      expect(matches[0]?.matched.map((x) => x.resource)).toEqual(['memory', 'cpu']);
      expect(matches[0]?.matched[0]?.text).toContain('20 MiB × 110 max pods + 50 MiB');
    }
  });
  // DOCUMENTED WORKED EXAMPLES, not captures: https://learn.microsoft.com/en-us/azure/aks/node-resource-reservations
  // ("AKS 1.29 and later"): 8 GB and 30 pods → 650 MB + 100 Mi; 4 GB and 70 pods → 25 % (the docs' "1000 MB").
  it('names AKS (1.29 and later) for the AKS docs worked examples (documented, not captured)', () => {
    const eight = matchManagedModels(
      { cpuMillis: null, memoryBytes: 8n * Gi, maxPods: 30, kubeletMinor: 29 },
      { memoryBytes: 650n * Mi + 100n * Mi },
      true,
    );
    expect(eight.map((m) => m.model)).toEqual(['aks']);
    const four = matchManagedModels(
      { cpuMillis: null, memoryBytes: 4n * Gi, maxPods: 70, kubeletMinor: 29 },
      { memoryBytes: 1024n * Mi, evictionMemoryBytes: 100n * Mi },
      false,
    );
    // EKS's 11 × 70 + 255 = 1025 MiB is within the 1 MiB slack: these numbers alone do not tell the two apart
    expect(four.map((m) => m.model)).toEqual(['eks', 'aks']);
    expect(four[1]?.matched[0]?.text).toContain('min(20 MiB × 70 max pods + 50 MiB, 25 %');
  });
  it('names neither GKE nor AKS for kubeadm captures', () => {
    // fixtures/configz-v1.27-kubeadm-systemd.json: no kubeReserved, memory.available 100Mi
    const kc = kubeadmConfigz.kubeletconfig;
    expect('kubeReserved' in kc).toBe(false);
    expect(
      matchManagedModels(
        { cpuMillis: null, memoryBytes: null, maxPods: kc.maxPods, kubeletMinor: 27 },
        { memoryBytes: 0n, evictionMemoryBytes: bytes(kc.evictionHard['memory.available']) },
        false,
      ),
    ).toEqual([]);
    // kubernetes/kubernetes#49606: a kubeadm v1.6.3 node whose status holds back only the 100Mi threshold
    const { shape, observed } = fromStatus(captures['kubeadm-v1.6.3-centos']);
    expect(observed.memoryBytes).toBe(100n * Mi);
    expect(matchManagedModels({ ...shape, maxPods: 110, kubeletMinor: 6 }, observed, true)).toEqual([]);
    expect(matchManagedModels({ ...shape, maxPods: 110, kubeletMinor: null }, observed, true)).toEqual([]);
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

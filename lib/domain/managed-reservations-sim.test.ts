import { describe, expect, it } from 'vitest';
import { effectiveConfig } from '@/sim/fleet/profiles';
import { gkeMemoryReserveBytes } from './managed-reservations';

describe('sim GKE profile', () => {
  // The sim's GKE kubelets must reserve what real GKE nodes reserve (the dashboard's model is checked against
  // public captures: lib/domain/fixtures/managed/README.md), or the demo would teach a wrong formula.
  it.each([4, 8, 16, 32, 64, 256])('reserves the memory GKE reserves on a %i GiB machine', (gib) => {
    const memoryBytes = BigInt(gib) * 2n ** 30n;
    const config = effectiveConfig({ profile: 'gke', minor: 31, cpuCores: 4, memoryBytes });
    const reserved = (config.kubeReserved as Record<string, string> | undefined)?.memory;
    expect(reserved).toBe(`${gkeMemoryReserveBytes(memoryBytes) / 2n ** 20n}Mi`);
  });
});

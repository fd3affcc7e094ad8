import { describe, expect, it } from 'vitest';
import { parseCsrFilters, serializeCsrFilters } from './csr-filters';

describe('CSR filters in the URL', () => {
  it('round-trips state and signer', () => {
    const f = { state: 'Pending' as const, signer: 'kubernetes.io/kubelet-serving' };
    expect(parseCsrFilters(new URLSearchParams(serializeCsrFilters(f)))).toEqual(f);
  });
  it('is empty when nothing is filtered', () => {
    expect(serializeCsrFilters({})).toBe('');
    expect(parseCsrFilters(new URLSearchParams(''))).toEqual({ state: undefined, signer: undefined });
  });
  it('drops an unknown state and an oversized signer from a hand-edited URL', () => {
    expect(parseCsrFilters(new URLSearchParams(`state=Evil&signer=${'a'.repeat(600)}`))).toEqual({
      state: undefined,
      signer: undefined,
    });
  });
});

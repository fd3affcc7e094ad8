import { describe, expect, it } from 'vitest';
import { describeUnreviewed, unreviewedBulkNames, type ListedCsr } from './csr-bulk-scope';

const pending = (name: string, resourceVersion = '10'): ListedCsr => ({ name, resourceVersion, conditions: [] });
const approved = (name: string, resourceVersion = '10'): ListedCsr => ({
  name,
  resourceVersion,
  conditions: [{ type: 'Approved', status: 'True' }],
});

describe('unreviewedBulkNames', () => {
  it('accepts pending CSRs at the reviewed version', () => {
    expect(unreviewedBulkNames([{ name: 'a', resourceVersion: '10' }], [pending('a')])).toEqual([]);
  });

  it('refuses names the cluster does not have', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ name: `made-up-${i}`, resourceVersion: '1' }));
    const refused = unreviewedBulkNames(items, [pending('a')]);
    expect(refused).toHaveLength(3000);
    expect(refused[0]).toEqual({ name: 'made-up-0', reason: 'not found' });
  });

  it('refuses a CSR that was already decided at the version named (it was never pending in a review)', () => {
    expect(unreviewedBulkNames([{ name: 'a', resourceVersion: '10' }], [approved('a', '10')])).toEqual([
      { name: 'a', reason: 'not pending' },
    ]);
  });

  it('leaves a CSR decided since the review to the per-CSR re-check, which reports the change', () => {
    expect(unreviewedBulkNames([{ name: 'a', resourceVersion: '10' }], [approved('a', '11')])).toEqual([]);
  });

  it('refuses a name given twice', () => {
    expect(
      unreviewedBulkNames(
        [
          { name: 'a', resourceVersion: '10' },
          { name: 'a', resourceVersion: '10' },
        ],
        [pending('a')],
      ),
    ).toEqual([{ name: 'a', reason: 'named twice' }]);
  });
});

describe('describeUnreviewed', () => {
  it('counts per reason and names only the first few', () => {
    const refused = [
      ...Array.from({ length: 2999 }, (_, i) => ({ name: `x${i}`, reason: 'not found' as const })),
      { name: 'b', reason: 'not pending' as const },
    ];
    const text = describeUnreviewed(refused, 3001);
    expect(text).toContain('3,000 of 3,001 names');
    expect(text).toContain('2,999 not found, 1 not pending: x0, x1, x2, x3, x4 and 2,995 more');
    expect(text).toContain('Nothing was approved');
  });
});

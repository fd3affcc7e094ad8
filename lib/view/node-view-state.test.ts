import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_STATE, SORT_COLUMNS, hasFilters, parseViewState, serializeViewState } from './node-view-state';

describe('parseViewState', () => {
  it('gives the default view for an empty query', () => {
    expect(parseViewState(new URLSearchParams())).toEqual(DEFAULT_VIEW_STATE);
  });

  it('reads every field', () => {
    const state = parseViewState(
      new URLSearchParams(
        'q=worker zone%3Da&role=worker&status=NotReady&version=v1.33.2&pressure=MemoryPressure&sort=cpu&dir=desc',
      ),
    );
    expect(state).toEqual({
      q: 'worker zone=a',
      role: 'worker',
      status: 'NotReady',
      version: 'v1.33.2',
      pressure: 'MemoryPressure',
      sort: 'cpu',
      dir: 'desc',
    });
  });

  it('ignores values it does not understand instead of failing', () => {
    const state = parseViewState(
      new URLSearchParams('status=broken&pressure=Heat&sort=color&dir=sideways&role=&cordoned=yes'),
    );
    expect(state).toEqual(DEFAULT_VIEW_STATE);
  });

  it('ignores oversized values', () => {
    expect(parseViewState(new URLSearchParams({ version: 'v'.repeat(100) })).version).toBeUndefined();
  });

  it('keeps strings at their bound and drops them one character past it', () => {
    const at = parseViewState(
      new URLSearchParams({ q: 'q'.repeat(500), role: 'r'.repeat(253), version: 'v'.repeat(64) }),
    );
    expect([at.q.length, at.role?.length, at.version?.length]).toEqual([500, 253, 64]);
    const past = parseViewState(
      new URLSearchParams({ q: 'q'.repeat(501), role: 'r'.repeat(254), version: 'v'.repeat(65) }),
    );
    expect(past).toEqual(DEFAULT_VIEW_STATE);
  });

  it('trims role and version (a pasted link with spaces) and drops blank ones, but keeps the search as typed', () => {
    expect(parseViewState(new URLSearchParams({ role: '  worker ', version: '\tv1.31.0\n', q: ' web ' }))).toEqual({
      ...DEFAULT_VIEW_STATE,
      q: ' web ',
      role: 'worker',
      version: 'v1.31.0',
    });
    expect(parseViewState(new URLSearchParams({ role: '   ', version: ' ' }))).toEqual(DEFAULT_VIEW_STATE);
  });

  it('takes closed lists exactly: no other case, no prototype names, no padding', () => {
    const hostile = ['ready', 'READY', ' Ready', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'length'];
    for (const v of hostile) {
      expect(parseViewState(new URLSearchParams({ status: v, pressure: v, sort: v, dir: v, cordoned: v }))).toEqual(
        DEFAULT_VIEW_STATE,
      );
    }
  });

  it('reads every pressure filter and every sort column it offers', () => {
    for (const pressure of ['any', 'none', 'MemoryPressure', 'DiskPressure', 'PIDPressure'])
      expect(parseViewState(new URLSearchParams({ pressure })).pressure).toBe(pressure);
    for (const sort of SORT_COLUMNS) expect(parseViewState(new URLSearchParams({ sort })).sort).toBe(sort);
  });

  it('accepts a page searchParams record, taking the first of repeated values', () => {
    expect(parseViewState({ status: ['Ready', 'NotReady'], sort: 'age' })).toMatchObject({
      status: 'Ready',
      sort: 'age',
    });
  });
});

describe('serializeViewState', () => {
  it('omits defaults', () => {
    expect(serializeViewState(DEFAULT_VIEW_STATE)).toBe('');
  });

  it('round-trips through parseViewState', () => {
    const state = {
      q: 'app=web',
      role: '<none>',
      status: 'Ready',
      pressure: 'any',
      cordoned: true,
      sort: 'eviction',
      dir: 'asc',
    } as const;
    expect(parseViewState(new URLSearchParams(serializeViewState(state)))).toEqual(state);
  });

  it('keeps the direction when only it differs from the default', () => {
    expect(serializeViewState({ ...DEFAULT_VIEW_STATE, dir: 'desc' })).toBe('sort=name&dir=desc');
  });
});

describe('hasFilters', () => {
  it('is false for sorting alone and true for any filter', () => {
    expect(hasFilters({ ...DEFAULT_VIEW_STATE, sort: 'cpu' })).toBe(false);
    expect(hasFilters({ ...DEFAULT_VIEW_STATE, q: '  ' })).toBe(false);
    expect(hasFilters({ ...DEFAULT_VIEW_STATE, pressure: 'none' })).toBe(true);
    expect(hasFilters({ ...DEFAULT_VIEW_STATE, cordoned: true })).toBe(true);
  });
});

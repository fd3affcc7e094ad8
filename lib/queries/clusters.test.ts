import { describe, expect, it } from 'vitest';
import type { ClusterEvent } from '@/lib/api/clusters';
import { applyClusterEvent } from './clusters';

describe('applyClusterEvent', () => {
  const start: ClusterEvent = {
    type: 'start',
    contexts: [
      { name: 'a', server: 'https://a' },
      { name: 'b', server: 'https://b' },
    ],
    deadlineMs: 9000,
  };
  const empty = { rows: [], deadlineMs: null, done: false };

  it('keeps the server order and fills each row part by part, whatever order the parts arrive in', () => {
    let o = applyClusterEvent(empty, start);
    o = applyClusterEvent(o, {
      type: 'csrs',
      context: 'b',
      csrs: { ok: true, pending: 3, passing: 2, failing: 1 },
      ms: 5,
    });
    o = applyClusterEvent(o, {
      type: 'api',
      context: 'a',
      api: { ok: false, problem: 'auth', reason: 'Unauthorized', message: 'rejected' },
      ms: 7,
    });
    expect(o.rows.map((r) => r.context)).toEqual(['a', 'b']);
    expect(o.rows[0]).toMatchObject({ api: { problem: 'auth' } });
    expect(o.rows[0]?.csrs).toBeUndefined();
    expect(o.rows[1]).toMatchObject({ csrs: { pending: 3 } });
    expect(o.done).toBe(false);
    expect(applyClusterEvent(o, { type: 'end', ms: 9 }).done).toBe(true);
  });

  it('ignores a part for a context it was not asked about', () => {
    const o = applyClusterEvent(applyClusterEvent(empty, start), {
      type: 'csrs',
      context: 'zzz',
      csrs: { ok: true, pending: 1, passing: 1, failing: 0 },
      ms: 1,
    });
    expect(o.rows.every((r) => r.csrs === undefined)).toBe(true);
  });
});

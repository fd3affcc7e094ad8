import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { SyncState } from './sync-state';

const T0 = Date.parse('2026-12-05T10:00:00.000Z');
const at = (s: number) => T0 + s * 1000;
const iso = (s: number) => new Date(at(s)).toISOString();

describe('SyncState', () => {
  it('has nothing to report before the first sync', () => {
    const s = new SyncState(() => at(0));
    expect(s.snapshot()).toBeUndefined();
    s.failed(new AppError('ServiceUnavailable', 503, 'down'), at(1));
    expect(s.snapshot()).toBeUndefined();
  });

  it('reports the time of the last successful sync, not the time of asking', () => {
    let now = at(0);
    const s = new SyncState(() => now);
    s.synced();
    now = at(42);
    expect(s.snapshot()).toEqual({ fetchedAt: iso(0), stale: false });
  });

  it('keeps fetchedAt and marks stale from the first failure, with the latest error', () => {
    const s = new SyncState();
    s.synced(at(10));
    s.failed(new AppError('ServiceUnavailable', 503, 'connection refused'), at(20));
    s.failed(new AppError('Timeout', 504, 'list nodes timed out'), at(25));
    expect(s.stale).toBe(true);
    expect(s.snapshot()).toEqual({
      fetchedAt: iso(10),
      stale: true,
      staleSince: iso(20),
      error: expect.objectContaining({ kind: 'Status', reason: 'Timeout', code: 504, message: 'list nodes timed out' }),
    });
  });

  it('clears the failure on the next successful sync', () => {
    const s = new SyncState();
    s.synced(at(10));
    s.failed(new AppError('ServiceUnavailable', 503, 'down'), at(20));
    s.synced(at(30));
    expect(s.stale).toBe(false);
    expect(s.snapshot()).toEqual({ fetchedAt: iso(30), stale: false });
    s.failed(new AppError('ServiceUnavailable', 503, 'down again'), at(40));
    expect(s.snapshot()?.staleSince).toBe(iso(40));
  });

  it('never moves fetchedAt backwards (a late answer from an older request)', () => {
    const s = new SyncState();
    s.synced(at(30));
    s.synced(at(20));
    expect(s.snapshot()?.fetchedAt).toBe(iso(30));
  });

  it('never echoes an error that is not ours (it may carry internals)', () => {
    const s = new SyncState();
    s.synced(at(0));
    s.failed(new Error('ECONNREFUSED 10.0.0.1:6443 token=abc'), at(1));
    const error = s.snapshot()?.error;
    expect(error?.reason).toBe('ServiceUnavailable');
    expect(error?.message).not.toContain('token');
    expect(error?.message).toBe('the API server could not be reached (no answer)');
  });
});

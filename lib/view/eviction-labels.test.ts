import { describe, expect, it } from 'vitest';
import type { FleetNodeResult } from '@/lib/api/fleet';
import { describeHeadroom, headroomByNode, pressureCause, signalLabel } from './eviction-labels';

type Ok = Extract<FleetNodeResult, { state: 'ok' }>;
const ok = (name: string, signal: string, percent: number, met = percent < 0): Ok => ({
  name,
  state: 'ok',
  at: '2026-12-05T11:00:00.000Z',
  stats: {
    memoryAvailableBytes: null,
    nodefsAvailableBytes: null,
    nodefsCapacityBytes: null,
    headroom: { signal, percent, met },
    hardThresholds: 4,
    thresholds: 'configz',
  },
});

describe('describeHeadroom', () => {
  it('names the signal and says what the percentage means', () => {
    expect(describeHeadroom({ signal: 'imagefs.available', percent: 41.7, met: false })).toBe(
      'imagefs: 41.7 % above threshold',
    );
    expect(describeHeadroom({ signal: 'nodefs.inodesFree', percent: 3, met: false })).toBe(
      'nodefs inodes: 3 % above threshold',
    );
  });

  it('says evicting, and by how much the signal is below, once the threshold is met', () => {
    expect(describeHeadroom({ signal: 'memory.available', percent: -2.1, met: true })).toBe(
      'evicting · memory: 2.1 % below threshold',
    );
  });

  it('keeps a signal it does not know as sent', () => {
    expect(signalLabel('swap.available')).toBe('swap.available');
  });
});

describe('headroomByNode', () => {
  it('takes the measured nodes, and a straggler by its previous answer', () => {
    const results = new Map<string, FleetNodeResult>([
      ['a', ok('a', 'memory.available', 12.5)],
      ['b', { name: 'b', state: 'pending', since: 't', last: ok('b', 'nodefs.available', 4) }],
      ['c', { name: 'c', state: 'pending', since: 't' }],
      ['d', { name: 'd', state: 'error', at: 't', reason: 'Timeout', message: 'm' }],
      [
        'e',
        { ...ok('e', 'memory.available', 1), stats: { ...ok('e', 'x', 1).stats!, headroom: null } } as FleetNodeResult,
      ],
    ]);
    expect([...headroomByNode(results)]).toEqual([
      ['a', 12.5],
      ['b', 4],
    ]);
    expect(headroomByNode(undefined).size).toBe(0);
  });
});

describe('pressureCause', () => {
  it('names the signal when the closest hard threshold is met and belongs to the condition', () => {
    expect(pressureCause('DiskPressure', ok('n', 'imagefs.available', -1))).toBe('imagefs below threshold');
    expect(pressureCause('MemoryPressure', ok('n', 'allocatableMemory.available', -0.5))).toBe(
      'pods memory below threshold',
    );
  });

  it('says unknown when the row does not show which signal did it', () => {
    // the threshold met is a memory one: the disk condition's cause is not on the row
    expect(pressureCause('DiskPressure', ok('n', 'memory.available', -1))).toBe('signal unknown');
    // not met now: a soft threshold, or the transition period keeping the condition after recovery
    expect(pressureCause('DiskPressure', ok('n', 'nodefs.available', 3))).toBe('signal unknown');
    expect(pressureCause('PIDPressure', undefined)).toBe('signal unknown');
  });
});

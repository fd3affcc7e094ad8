import { describe, expect, it } from 'vitest';
import type { FleetNodeResult, FleetSweep } from '@/lib/api/fleet';
import { fleetEvent } from './fleet-stream';

const ok: FleetNodeResult = {
  name: 'node-1',
  state: 'ok',
  at: '2026-01-01T00:00:00Z',
  stats: {
    memoryAvailableBytes: 1,
    nodefsAvailableBytes: 2,
    nodefsCapacityBytes: 3,
    headroom: { signal: 'memory.available', percent: 12.5, met: false },
    hardThresholds: 4,
    thresholds: 'configz',
  },
};
const failed: FleetNodeResult = { name: 'node-2', state: 'error', at: 'x', reason: 'Timeout', message: 'slow' };
const slow: FleetNodeResult = { name: 'node-3', state: 'pending', since: 'x', last: failed };
const sweep: FleetSweep = { kind: 'stats', total: 3, ok: 1, errors: 1, durationMs: 900, finishedAt: 'x' };

describe('fleetEvent', () => {
  it('takes the events the server sends', () => {
    expect(fleetEvent.hello({ context: 'prod', kind: 'stats', total: 3 })).toBe(true);
    expect(fleetEvent.nodes([ok, failed, slow])).toBe(true);
    expect(fleetEvent.nodes([])).toBe(true);
    expect(fleetEvent.sweep(sweep)).toBe(true);
  });

  it('refuses a batch with any row of another shape, so no row of it is shown', () => {
    expect(fleetEvent.nodes([ok, { name: 'node-4', state: 'done' }])).toBe(false);
    expect(fleetEvent.nodes([ok, { state: 'ok' }])).toBe(false);
    expect(fleetEvent.nodes([ok, null])).toBe(false);
    expect(fleetEvent.nodes({ 0: ok, length: 1 })).toBe(false);
  });

  it('refuses a hello or sweep of another shape, and frames that were not JSON', () => {
    expect(fleetEvent.hello({ context: 'prod' })).toBe(false);
    expect(fleetEvent.hello(undefined)).toBe(false);
    expect(fleetEvent.sweep({ ...sweep, finishedAt: undefined })).toBe(false);
    expect(fleetEvent.sweep('sweep')).toBe(false);
  });
});

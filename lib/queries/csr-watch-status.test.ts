import { describe, expect, it } from 'vitest';
import { watchDown, watchLive, type CsrWatchStatus } from './csr-watch-status';

describe('CSR watch status', () => {
  it('goes live without an outage on the first ready', () => {
    expect(watchLive({ state: 'connecting' }, 1000)).toEqual({ state: 'live', since: 1000 });
  });

  it('stays down from the first failure, with the latest reason', () => {
    let s: CsrWatchStatus = { state: 'live', since: 0 };
    s = watchDown(s, 'watch ended: connection refused', 5000);
    s = watchDown(s, 'the server is currently unable to handle the request', 8000);
    expect(s).toEqual({ state: 'down', since: 5000, reason: 'the server is currently unable to handle the request' });
  });

  it('remembers the outage when the watch is back', () => {
    const down = watchDown({ state: 'live', since: 0 }, 'x', 5000);
    expect(watchLive(down, 9000)).toEqual({ state: 'live', since: 9000, outage: { from: 5000, to: 9000 } });
  });

  it('keeps a live watch as it is on a repeated ready', () => {
    const live: CsrWatchStatus = { state: 'live', since: 9000, outage: { from: 5000, to: 9000 } };
    expect(watchLive(live, 12_000)).toBe(live);
  });
});

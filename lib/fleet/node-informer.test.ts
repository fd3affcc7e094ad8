import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import type { Kube } from '@/lib/k8s/client';
import type { WatchedNode, WatchedNodeEvent } from '@/lib/k8s/fleet-sources';
import { NodeInformer } from './node-informer';

// The informer only reads these for log lines and error messages; list and watch are injected below.
const kube = { context: 'test', server: 'https://apiserver.test', identity: 'test-identity' } as Kube;

const node = (name: string): WatchedNode => ({
  node: {
    name,
    uid: name,
    createdAt: '',
    labels: {},
    annotations: {},
    ready: 'True',
    roles: [],
    pressures: [],
    conditions: [],
    addresses: [],
    unschedulable: false,
    taints: [],
    podCIDRs: [],
    capacity: {},
    allocatable: {},
    nodeInfo: {
      kubeletVersion: 'v1.33.2',
      osImage: '',
      kernelVersion: '',
      architecture: '',
      containerRuntime: '',
      operatingSystem: '',
    },
  },
  bootID: 'b',
  resourceVersion: '1',
});

const T0 = Date.parse('2026-12-05T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const down = () => new AppError('ServiceUnavailable', 503, 'the server is currently unable to handle the request');

/** A scriptable API server: the list answers or fails, and the test drives the open watch. */
function fakeServer() {
  const state = {
    failing: false,
    lists: 0,
    watch: undefined as undefined | { onEvent: (e: WatchedNodeEvent) => void; onDone: (err?: unknown) => void },
  };
  const informer = new NodeInformer(kube, {
    now: () => Date.now(),
    list: async () => {
      state.lists++;
      if (state.failing) throw down();
      return { items: [node('a'), node('b')], resourceVersion: '5' };
    },
    watch: async (_kube, opts) => {
      if (state.failing) throw down();
      state.watch = opts;
      return () => undefined;
    },
  });
  return { state, informer };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('NodeInformer sync state', () => {
  it('reports the time of the last contact with the API server while the watch is healthy', async () => {
    const { state, informer } = fakeServer();
    await informer.ready();
    await vi.advanceTimersByTimeAsync(0);
    vi.setSystemTime(T0 + 7000);
    state.watch?.onEvent({ type: 'BOOKMARK', resourceVersion: '6' });
    vi.setSystemTime(T0 + 9000);
    expect(informer.sync.snapshot()).toEqual({ fetchedAt: iso(T0 + 7000), stale: false });
    informer.stop();
  });

  it('keeps the nodes and the last sync time, marked stale with the error, while the API server is down', async () => {
    const { state, informer } = fakeServer();
    await informer.ready();
    await vi.advanceTimersByTimeAsync(0);
    vi.setSystemTime(T0 + 10_000);
    state.failing = true;
    state.watch?.onDone(down());
    await vi.advanceTimersByTimeAsync(20_000); // relists with backoff, each failing
    expect(state.lists).toBeGreaterThan(2);
    expect(informer.list().map((w) => w.node.name)).toEqual(['a', 'b']);
    expect(informer.sync.snapshot()).toEqual({
      fetchedAt: iso(T0),
      stale: true,
      staleSince: iso(T0 + 10_000),
      error: expect.objectContaining({ reason: 'ServiceUnavailable', code: 503 }),
    });
    await informer.ready(); // the first sync is done: readers keep getting the last good map
    informer.stop();
  });

  it('is current again after the relist that follows the recovery', async () => {
    const { state, informer } = fakeServer();
    await informer.ready();
    await vi.advanceTimersByTimeAsync(0);
    state.failing = true;
    state.watch?.onDone(down());
    await vi.advanceTimersByTimeAsync(3000);
    expect(informer.sync.stale).toBe(true);
    state.failing = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(informer.sync.stale).toBe(false);
    expect(Date.parse(informer.sync.snapshot()?.fetchedAt ?? '')).toBeGreaterThan(T0 + 3000);
    informer.stop();
  });

  it('does not call a routine 410 Gone on resume a failure', async () => {
    const { state, informer } = fakeServer();
    await informer.ready();
    await vi.advanceTimersByTimeAsync(0);
    state.watch?.onEvent({ type: 'ERROR', code: 410, message: 'too old resource version' });
    expect(informer.sync.stale).toBe(false);
    state.watch?.onEvent({ type: 'ERROR', code: 500, message: 'etcd is gone' });
    expect(informer.sync.snapshot()?.error?.message).toBe('node watch error: etcd is gone');
    informer.stop();
  });
});

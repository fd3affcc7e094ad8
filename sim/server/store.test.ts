import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../fleet/types';
import { StatusError } from './status';
import { Clock, Store, type WatchEvent } from './store';

const obj = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, uid: name, creationTimestamp: '2026-01-01T00:00:00Z' },
});

describe('store', () => {
  it('stamps increasing resourceVersions and replays events newer than a watch start', () => {
    const store = new Store(new Clock());
    store.seed([obj('a')]);
    const start = store.currentRv();
    store.put(obj('b'));
    store.put(store.get('a') ?? obj('a'));
    const seen: WatchEvent[] = [];
    store.watch(start, (e) => seen.push(e));
    store.delete('b');
    expect(seen.map((e) => `${e.type}:${e.object.metadata.name}`)).toEqual(['ADDED:b', 'MODIFIED:a', 'DELETED:b']);
    expect(seen.map((e) => e.rv)).toEqual([...seen.map((e) => e.rv)].sort((x, y) => x - y));
  });

  it('answers a watch from a compacted resourceVersion with 410 Expired', () => {
    const store = new Store(new Clock(), 2);
    store.seed([obj('a')]);
    const old = store.currentRv();
    for (let i = 0; i < 5; i++) store.put(store.get('a') ?? obj('a'));
    try {
      store.watch(old, () => undefined);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StatusError);
      const body = (e as StatusError).body as { code: number; reason: string; message: string };
      expect(body.code).toBe(410);
      expect(body.reason).toBe('Expired');
      expect(body.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
    }
  });
});

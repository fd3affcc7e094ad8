import 'server-only';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Kube } from '@/lib/k8s/client';
import { SharedCache } from '@/lib/fleet/shared-cache';
import { getFleetNodeList } from './node-list';

const gzipAsync = promisify(gzip);

/** How long one serialized answer is shared: well under the page's 10 s poll, so `fetchedAt` stays honest. */
const SHARE_MS = 1000;

export interface NodeListBody {
  json: string;
  gzip: Uint8Array<ArrayBuffer>;
}

const KEY = Symbol.for('kubelet-dashboard.node-list-bodies');
type WithBodies = typeof globalThis & { [KEY]?: SharedCache<string, NodeListBody> };

function bodies(): SharedCache<string, NodeListBody> {
  const g = globalThis as WithBodies;
  return (g[KEY] ??= new SharedCache('node-list-body'));
}

/**
 * GET /api/nodes serialized once per identity and second, shared by every caller: at 5,000 nodes one answer is
 * ~5 MB of JSON, and building, stringifying and gzipping it per request is what kept 200 polling viewers'
 * event loop busy (issue 19, item 3). The gzip runs on libuv's thread pool, once, instead of per response in
 * Next's compression middleware (which skips a body that already has a Content-Encoding).
 */
export function nodeListBody(kube: Kube): Promise<NodeListBody> {
  const key = `${kube.identity}\u0000${kube.context}`;
  const cache = bodies();
  return cache.get(
    key,
    async () => {
      const json = JSON.stringify(await getFleetNodeList(kube));
      const body = { json, gzip: new Uint8Array(await gzipAsync(json, { level: 5 })) };
      // dropped soon after it stops being fresh: 5,000 rows are megabytes
      setTimeout(() => cache.peek(key)?.value === body && cache.delete(key), 2 * SHARE_MS).unref();
      return body;
    },
    (e) => Date.now() - e.storedAt < SHARE_MS,
  );
}

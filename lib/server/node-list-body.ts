import 'server-only';
import type { Kube } from '@/lib/k8s/client';
import { SharedCache } from '@/lib/fleet/shared-cache';
import { encodeNodeList } from '@/lib/api/nodes-wire';
import { getFleetNodeList } from './node-list';

/** How long one serialized answer is shared: well under the page's 10 s poll, so `fetchedAt` stays honest. */
const SHARE_MS = 1000;

const KEY = Symbol.for('kubelet-dashboard.node-list-bodies');
type WithBodies = typeof globalThis & { [KEY]?: SharedCache<string, Uint8Array> };

function bodies(): SharedCache<string, Uint8Array> {
  const g = globalThis as WithBodies;
  return (g[KEY] ??= new SharedCache('node-list-body'));
}

/**
 * GET /api/nodes in its compact wire shape (lib/api/nodes-wire.ts), serialized (and UTF-8 encoded) once per identity
 * and second, shared by every caller: at 5,000 nodes one answer is megabytes of JSON, and building and stringifying it per request is what kept 200 polling viewers' event loop busy
 * (issue 19, item 3). (Compressing it once too is not possible from a route handler: Next drops a handler's
 * Content-Encoding header and compresses the body itself: FORBIDDEN_HEADERS in next.js
 * packages/next/src/server/send-response.ts.)
 */
export function nodeListBody(kube: Kube): Promise<Uint8Array> {
  const key = `${kube.identity}\u0000${kube.context}`;
  const cache = bodies();
  return cache.get(
    key,
    async () => {
      const body = new TextEncoder().encode(JSON.stringify(encodeNodeList(await getFleetNodeList(kube))));
      // dropped soon after it stops being fresh: 5,000 rows are megabytes
      setTimeout(() => cache.peek(key)?.value === body && cache.delete(key), 2 * SHARE_MS).unref();
      return body;
    },
    (e) => Date.now() - e.storedAt < SHARE_MS,
  );
}

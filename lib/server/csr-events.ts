import 'server-only';
import type { CsrEvent } from '@/lib/api/csrs';
import type { Kube } from '@/lib/k8s/client';
import { currentCsrResourceVersion, watchCsrWire } from '@/lib/k8s/csrs';
import { reviewWireCsr, toCsrRow } from './csr-reshape';
import { clusterFacts } from './csr-review';

/** Node addresses change rarely; re-read them at most this often while a watch is open. */
const FACTS_TTL_MS = 30_000;

/**
 * Watches CSRs from `resourceVersion` and hands each change to `onEvent` as a reviewed row (the same shape the
 * list returns). `onEnd` is called once when the watch stops for any reason (410 Gone, server timeout, error);
 * the caller then tells the browser to resync, which re-lists and re-watches. Returns a stop function.
 */
async function watchCsrs(
  kube: Kube,
  opts: { resourceVersion: string; onEvent: (e: CsrEvent) => void; onEnd: (reason: string) => void },
): Promise<() => void> {
  let facts = await clusterFacts(kube);
  let factsAt = Date.now();
  let ended = false;
  const end = (reason: string) => {
    if (ended) return;
    ended = true;
    opts.onEnd(reason);
  };
  // Events are reviewed in order: a slow decode must not let a later MODIFIED overtake an earlier one.
  let chain = Promise.resolve();
  const stop = await watchCsrWire(kube, {
    resourceVersion: opts.resourceVersion,
    onEvent: (e) => {
      chain = chain
        .then(async () => {
          if (ended) return;
          if (e.type === 'ERROR') return end('watch error (resourceVersion too old?)');
          if (e.type === 'DELETED') return opts.onEvent({ type: 'DELETED', name: e.name });
          if (Date.now() - factsAt > FACTS_TTL_MS) {
            facts = await clusterFacts(kube).catch(() => facts);
            factsAt = Date.now();
          }
          const row = toCsrRow(await reviewWireCsr(e.csr, facts.facts, facts.index));
          opts.onEvent({ type: e.type, row });
        })
        .catch(() => end('could not review a watched CSR'));
    },
    onDone: (err) =>
      end(err ? `watch ended: ${err instanceof Error ? err.message : 'error'}` : 'watch closed by the server'),
  });
  return () => {
    ended = true;
    stop();
  };
}

/** Seconds between SSE comment lines, so proxies keep the connection open and a dead client is noticed. */
const HEARTBEAT_MS = 15_000;

/**
 * The server-sent event stream behind GET /api/csrs/events: `ready` once the watch runs (the browser then
 * re-lists, covering anything missed while disconnected), `csr` per change, `resync` when the watch ends (the
 * stream closes and EventSource reconnects after `retry`). Stops the watch when the browser goes away.
 */
export function csrEventStream(kube: Kube, signal: AbortSignal): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let stop: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) => {
        if (!closed) controller.enqueue(enc.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        stop?.();
        controller.close();
      };
      signal.addEventListener('abort', close);
      controller.enqueue(enc.encode('retry: 3000\n\n'));
      heartbeat = setInterval(() => !closed && controller.enqueue(enc.encode(': keep-alive\n\n')), HEARTBEAT_MS);
      try {
        const resourceVersion = await currentCsrResourceVersion(kube);
        stop = await watchCsrs(kube, {
          resourceVersion,
          onEvent: (e) => send('csr', e),
          onEnd: (reason) => {
            send('resync', { reason });
            close();
          },
        });
        if (closed) stop();
        send('ready', { context: kube.context, resourceVersion });
      } catch (err) {
        send('resync', { reason: err instanceof Error ? err.message : 'watch could not start' });
        close();
      }
    },
    cancel() {
      closed = true;
      clearInterval(heartbeat);
      stop?.();
    },
  });
}

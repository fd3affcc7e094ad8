import 'server-only';
import type { FleetHello, FleetKind } from '@/lib/api/fleet';
import { toStatus } from '@/lib/errors';
import type { Kube } from '@/lib/k8s/client';
import { getFleet } from '@/lib/fleet/fleet';
import { log } from '@/lib/observability/log';
import { broadcastOf, sseFrame } from './fleet-broadcast';

const HEARTBEAT_MS = 15_000;

/**
 * What a stream may have queued for a viewer who does not read it (a laptop gone to sleep, a stalled link) before
 * it is cut: over five times a 5,000-node snapshot (~1.5 MB), and a few minutes of stats batches. Without a cap the
 * server kept every frame for such a viewer until TCP gave up on the connection (~15 min); the Kubernetes API
 * server closes a watcher that falls behind the same way. The browser's EventSource reconnects after the `retry`
 * below and starts from a fresh snapshot.
 */
const MAX_STREAM_BACKLOG_BYTES = 8 * 1024 * 1024;

/**
 * The stream's `send`: enqueues a frame, and errors the stream once more than `maxBytes` wait unread (the
 * stream's queuing strategy must count bytes). Returns false once the stream is cut.
 * @internal exported for its unit test
 */
export function cappedSend(
  controller: ReadableStreamDefaultController<Uint8Array>,
  maxBytes: number,
  onCut: () => void,
): (frame: Uint8Array) => boolean {
  let cut = false;
  return (frame) => {
    if (cut) return false;
    controller.enqueue(frame);
    if ((controller.desiredSize ?? 0) >= 0) return true;
    cut = true;
    onCut();
    controller.error(new Error(`viewer too slow: more than ${maxBytes} bytes unread`));
    return false;
  };
}

/**
 * GET /api/fleet/stream: server-sent events from the identity's shared sweeper (see sweep.ts). `hello` once
 * the node list is known, `nodes` batches as results land (what is already known comes first), `sweep` at the
 * end of each sweep, `failure` (a Status) if the node list cannot be read. The batches are serialized once for
 * every stream of the sweeper (fleet-broadcast.ts). Leaving unsubscribes; the sweeper stops when its last
 * viewer has gone.
 */
export function fleetEventStream(
  kube: Kube,
  kind: FleetKind,
  signal: AbortSignal,
  /** runs once when the stream ends, however it ends (the route's admission gate is left here) */
  onClose: () => void = () => undefined,
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const fleet = getFleet(kube);
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let leave: (() => void) | undefined;
  let closed = false;
  const cleanup = () => {
    if (!closed) onClose();
    closed = true;
    clearInterval(heartbeat);
    leave?.();
  };
  return new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        const enqueue = cappedSend(controller, MAX_STREAM_BACKLOG_BYTES, () => {
          log.warn({ context: kube.context, kind }, 'fleet stream: viewer too slow, stream closed (it reconnects)');
          cleanup();
        });
        const send = (frame: Uint8Array) => {
          if (!closed) enqueue(frame);
        };
        signal.addEventListener('abort', () => {
          if (closed) return;
          cleanup();
          controller.close();
        });
        controller.enqueue(enc.encode('retry: 5000\n\n'));
        heartbeat = setInterval(() => send(enc.encode(': keep-alive\n\n')), HEARTBEAT_MS);
        try {
          await fleet.nodes.ready();
        } catch (err) {
          send(sseFrame('failure', toStatus(err)));
          cleanup();
          controller.close();
          return;
        }
        if (closed) return;
        send(sseFrame('hello', { context: kube.context, kind, total: fleet.nodes.size } satisfies FleetHello));
        leave = broadcastOf(fleet.sweeper(kind)).join(send);
      },
      cancel() {
        cleanup();
      },
    },
    { highWaterMark: MAX_STREAM_BACKLOG_BYTES, size: (chunk) => chunk.byteLength },
  );
}

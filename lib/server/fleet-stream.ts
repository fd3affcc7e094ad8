import 'server-only';
import type { FleetHello, FleetKind } from '@/lib/api/fleet';
import { toStatus } from '@/lib/errors';
import type { Kube } from '@/lib/k8s/client';
import { getFleet } from '@/lib/fleet/fleet';
import { broadcastOf, sseFrame } from './fleet-broadcast';

const HEARTBEAT_MS = 15_000;

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
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (frame: Uint8Array) => {
        if (!closed) controller.enqueue(frame);
      };
      signal.addEventListener('abort', () => {
        if (closed) return;
        cleanup();
        controller.close();
      });
      controller.enqueue(enc.encode('retry: 5000\n\n'));
      heartbeat = setInterval(() => !closed && controller.enqueue(enc.encode(': keep-alive\n\n')), HEARTBEAT_MS);
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
  });
}

import 'server-only';
import type { FleetKind, FleetNodeResult } from '@/lib/api/fleet';
import { toStatus } from '@/lib/errors';
import type { Kube } from '@/lib/k8s/client';
import { getFleet } from '@/lib/fleet/fleet';

/** Results are sent in batches at this period: thousands of nodes resolve per second at the start of a sweep. */
const FLUSH_MS = 100;
const HEARTBEAT_MS = 15_000;

/**
 * GET /api/fleet/stream: server-sent events from the identity's shared sweeper (see sweep.ts). `hello` once
 * the node list is known, `nodes` batches as results land (what is already known comes first), `sweep` at the
 * end of each sweep, `failure` (a Status) if the node list cannot be read. Leaving unsubscribes; the sweeper
 * stops when its last viewer has gone.
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
  let pending = new Map<string, FleetNodeResult>();
  let flushTimer: ReturnType<typeof setInterval> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let unsubscribe: (() => void) | undefined;
  let closed = false;
  const cleanup = () => {
    if (!closed) onClose();
    closed = true;
    clearInterval(flushTimer);
    clearInterval(heartbeat);
    unsubscribe?.();
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) => {
        if (!closed) controller.enqueue(enc.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      };
      const flush = () => {
        if (pending.size === 0) return;
        const batch = [...pending.values()];
        pending = new Map();
        send('nodes', batch);
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
        send('failure', toStatus(err));
        cleanup();
        controller.close();
        return;
      }
      if (closed) return;
      send('hello', { context: kube.context, kind, total: fleet.nodes.size });
      flushTimer = setInterval(flush, FLUSH_MS);
      unsubscribe = fleet.sweeper(kind).subscribe({
        onNodes: (results) => {
          for (const r of results) pending.set(r.name, r);
        },
        onSweep: (sweep) => {
          flush();
          send('sweep', sweep);
        },
      });
    },
    cancel() {
      cleanup();
    },
  });
}

import { errorResponse } from '@/app/api/respond';
import { FleetStreamQuerySchema } from '@/lib/api/fleet';
import { fleetEventStream } from '@/lib/server/fleet-stream';
import { busyResponse, gate } from '@/lib/server/admission';
import { getRequestKube } from '@/lib/server/request-kube';

export const dynamic = 'force-dynamic';

/** Server-sent events of the shared fleet sweep (?kind=stats|configz): per-node results as they resolve. */
export async function GET(req: Request) {
  // a stream holds its place in the gate until it ends (the viewer left, or the node list failed)
  const leave = gate('streams').tryEnter();
  if (!leave) return busyResponse('streams');
  try {
    const { kind } = FleetStreamQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const stream = fleetEventStream(await getRequestKube(), kind, req.signal, leave);
    return new Response(stream, {
      headers: {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  } catch (err) {
    leave();
    return errorResponse(err);
  }
}

import { errorResponse } from '@/app/api/respond';
import { FleetStreamQuerySchema } from '@/lib/api/fleet';
import { fleetEventStream } from '@/lib/server/fleet-stream';
import { getRequestKube } from '@/lib/server/request-kube';

export const dynamic = 'force-dynamic';

/** Server-sent events of the shared fleet sweep (?kind=stats|configz): per-node results as they resolve. */
export async function GET(req: Request) {
  try {
    const { kind } = FleetStreamQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const stream = fleetEventStream(await getRequestKube(), kind, req.signal);
    return new Response(stream, {
      headers: {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}

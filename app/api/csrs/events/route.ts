import { errorResponse } from '@/app/api/respond';
import { csrEventStream } from '@/lib/server/csr-events';
import { getRequestKube } from '@/lib/server/request-kube';

export const dynamic = 'force-dynamic';

/** Server-sent events from a CSR watch: the /csrs page stays live without polling. */
export async function GET(req: Request) {
  try {
    const stream = csrEventStream(await getRequestKube(), req.signal);
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

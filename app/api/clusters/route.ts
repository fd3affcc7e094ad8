import type { NextRequest } from 'next/server';
import { parseContextsParam, type ClusterEvent } from '@/lib/api/clusters';
import { clusterOverview } from '@/lib/server/cluster-overview';
import { overviewTargets } from '@/lib/server/request-kube';
import { errorResponse } from '../respond';

export const dynamic = 'force-dynamic';

/**
 * GET /api/clusters?contexts=a,b: the fleet overview as NDJSON events (lib/api/clusters.ts), one line per event,
 * flushed as each context answers. A bad `contexts` list is a Status error before anything is streamed.
 */
export async function GET(req: NextRequest) {
  let targets;
  try {
    targets = await overviewTargets(parseContextsParam(req.nextUrl.searchParams.get('contexts')));
  } catch (err) {
    return errorResponse(err);
  }
  const enc = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      req.signal.addEventListener('abort', () => (open = false));
      const emit = (e: ClusterEvent) => {
        if (open) controller.enqueue(enc.encode(`${JSON.stringify(e)}\n`));
      };
      await clusterOverview(targets, emit, { signal: req.signal });
      if (open) controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
}

import { CompareQuerySchema, queryFromSearchParams } from '@/lib/api/compare';
import { exportCompare } from '@/lib/domain/compare-export';
import { getCompare } from '@/lib/server/compare';
import { getClusterCompare } from '@/lib/server/compare-clusters';
import { getRequestKube, getRequestKubes } from '@/lib/server/request-kube';
import { errorResponse, json } from '../respond';
import { admitted } from '@/lib/server/admission';

export const dynamic = 'force-dynamic';

/**
 * GET /api/compare?nodes=a,b|selector=…&ignore=…&baseline=…&by=…&format=json|csv|md — see lib/api/compare.ts.
 * With clusters=a,b the comparison spans those contexts (lib/server/compare-clusters.ts).
 */
export async function GET(req: Request) {
  return admitted(async () => {
    try {
      const q = CompareQuerySchema.parse(queryFromSearchParams(new URL(req.url).searchParams));
      const report = q.clusters
        ? await getClusterCompare(await getRequestKubes(q.clusters), q, req.signal)
        : await getCompare(await getRequestKube(), q, req.signal);
      if (q.format === 'json') return json(report);
      const file = exportCompare(report, q.format, q.all === '1');
      return new Response(file.body, {
        headers: {
          'content-type': file.contentType,
          'content-disposition': `attachment; filename="${file.filename}"`,
          'cache-control': 'no-store',
        },
      });
    } catch (err) {
      return errorResponse(err);
    }
  });
}

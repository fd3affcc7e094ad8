import { PostureQuerySchema, reportToWire } from '@/lib/api/posture';
import { getPosture } from '@/lib/server/posture';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../respond';
import { admitted } from '@/lib/server/admission';

export const dynamic = 'force-dynamic';

/** GET /api/posture?view=full|summary|nodes|check&check=&selector=&format=json|csv|sarif — see lib/api/posture.ts. */
export async function GET(req: Request) {
  return admitted(async () => {
    try {
      const q = PostureQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
      const answer = await getPosture(await getRequestKube(), q, { signal: req.signal });
      if (answer.kind === 'json') return json(reportToWire(answer.report));
      return new Response(answer.body, {
        headers: {
          'content-type': answer.contentType,
          'content-disposition': `attachment; filename="${answer.filename}"`,
          'cache-control': 'no-store',
        },
      });
    } catch (err) {
      return errorResponse(err);
    }
  });
}

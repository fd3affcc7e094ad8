import { z } from 'zod';
import { NodeNameSchema } from '@/lib/api/names';
import { nodeSummary } from '@/lib/server/node-detail';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../../../respond';
import { admitted } from '@/lib/server/admission';

export const dynamic = 'force-dynamic';

const QuerySchema = z.object({
  onlyCpuAndMemory: z.enum(['true', 'false']).optional(),
  fresh: z.enum(['1']).optional(),
});

/**
 * The kubelet's stats/v1alpha1 Summary plus `fetchedAt`; `?onlyCpuAndMemory=true` asks for the cheap subset,
 * `?fresh=1` bypasses the shared cache (a panel's refresh).
 */
export async function GET(req: Request, ctx: RouteContext<'/api/nodes/[name]/summary'>) {
  return admitted(async () => {
    try {
      const name = NodeNameSchema.parse((await ctx.params).name);
      const query = QuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
      const summary = await nodeSummary(await getRequestKube(), name, {
        onlyCpuAndMemory: query.onlyCpuAndMemory === 'true',
        fresh: query.fresh === '1',
      });
      return json(summary);
    } catch (err) {
      return errorResponse(err);
    }
  });
}

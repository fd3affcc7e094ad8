import { z } from 'zod';
import { NodeNameSchema } from '@/lib/api/names';
import { nodeSummary } from '@/lib/server/node-detail';
import { getRequestKube } from '@/lib/server/request-kube';
import { errorResponse, json } from '../../../respond';
import { admitted } from '@/lib/server/admission';

export const dynamic = 'force-dynamic';

const QuerySchema = z.object({ onlyCpuAndMemory: z.enum(['true', 'false']).optional() });

/** The kubelet's stats/v1alpha1 Summary; `?onlyCpuAndMemory=true` asks for the cheap subset. */
export async function GET(req: Request, ctx: RouteContext<'/api/nodes/[name]/summary'>) {
  return admitted(async () => {
    try {
      const name = NodeNameSchema.parse((await ctx.params).name);
      const query = QuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
      const summary = await nodeSummary(await getRequestKube(), name, {
        onlyCpuAndMemory: query.onlyCpuAndMemory === 'true',
      });
      return json(summary);
    } catch (err) {
      return errorResponse(err);
    }
  });
}

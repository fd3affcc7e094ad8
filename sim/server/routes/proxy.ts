/**
 * /api/v1/nodes/<name>/proxy/<path>: the apiserver dialling the kubelet. Serves configz, stats/summary and
 * healthz, and reproduces each KubeletFault and the fleet's LatencyModel as a real cluster shows them.
 */
import type { KubeletFault, LatencyModel, SimNode } from '../../fleet/types';
import { STREAMED, type HandlerResult, type Reply } from '../http';
import { methodNotAllowed, notFound, pathNotFound, StatusError } from '../status';
import type { Ctx } from './context';

/** The kubelet maps /stats/* to subresource "stats"; configz and healthz fall under "proxy". */
const kubeletSubresource = (path: string) =>
  path.startsWith('stats') ? 'stats' : path.startsWith('metrics') ? 'metrics' : 'proxy';

function internalIp(node: SimNode): string {
  const addresses =
    (node.object.status as { addresses?: Array<{ type: string; address: string }> } | undefined)?.addresses ?? [];
  return addresses.find((a) => a.type === 'InternalIP')?.address ?? '10.0.0.1';
}

/** Log-normal around the median, a tail, and a few requests that never answer. */
function sampleLatency(model: LatencyModel): number | 'hung' {
  const r = Math.random();
  if (r < model.hungFraction) return 'hung';
  if (r < model.hungFraction + model.tailFraction) return model.tailMs * (0.8 + Math.random() * 0.4);
  const gaussian = Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  return model.medianMs * Math.exp(0.4 * gaussian);
}

/** Resolves after `ms`, or at once when the client goes away (returns false then). */
function delay(ctx: Ctx, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      ctx.req.off('close', onClose);
      resolve(true);
    }, ms);
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    ctx.req.once('close', onClose);
  });
}

/** Never answers; ends when the client disconnects. */
function hang(ctx: Ctx): Promise<HandlerResult> {
  return new Promise((resolve) => ctx.req.once('close', () => resolve(STREAMED)));
}

function serve(ctx: Ctx, node: SimNode, path: string): Reply {
  if (path === 'configz') return { bytes: ctx.sim.configz(node), contentType: 'application/json' };
  if (path === 'stats/summary') {
    const only = ctx.url.searchParams.get('only_cpu_and_memory') === 'true';
    return { json: ctx.sim.fleet.summary(node.name, new Date(), only) };
  }
  if (path === 'healthz') return { text: 'ok' };
  throw pathNotFound();
}

async function applyFault(
  ctx: Ctx,
  node: SimNode,
  fault: KubeletFault,
  path: string,
): Promise<HandlerResult | undefined> {
  switch (fault.kind) {
    case 'unreachable':
      throw new StatusError(
        503,
        'ServiceUnavailable',
        `error trying to reach service: dial tcp ${internalIp(node)}:10250: connect: no route to host`,
      );
    case 'forbidden':
      return {
        statusCode: 403,
        text: `Forbidden (user=kube-apiserver-kubelet-client, verb=get, resource=nodes, subresource=${kubeletSubresource(path)})`,
      };
    case 'hung':
      return hang(ctx);
    case 'slow':
      return (await delay(ctx, fault.delayMs)) ? undefined : STREAMED;
    case 'no-configz':
      return path === 'configz' ? { statusCode: 404, text: '404 page not found\n' } : undefined;
    case 'malformed': {
      const reply = serve(ctx, node, path);
      if (reply.text !== undefined) return reply;
      const body = reply.bytes?.toString('utf8') ?? reply.raw ?? JSON.stringify(reply.json);
      return { raw: body.slice(0, Math.max(1, Math.floor(body.length / 2))) };
    }
  }
}

export async function proxyRoute(ctx: Ctx): Promise<HandlerResult> {
  const { sim, info } = ctx;
  if (info.verb !== 'get') throw methodNotAllowed();
  const node = sim.nodesByName.get(info.name);
  if (!node || !sim.nodes.store.get(info.name)) throw notFound(sim.nodes.gr, info.name);
  const path = info.rest.join('/');
  sim.stats.inFlightProxy++;
  sim.stats.maxInFlightProxy = Math.max(sim.stats.maxInFlightProxy, sim.stats.inFlightProxy);
  try {
    const latency = sim.fleet.latency ? sampleLatency(sim.fleet.latency) : 0;
    if (latency === 'hung') return await hang(ctx);
    if (latency > 0 && !(await delay(ctx, latency))) return STREAMED;
    if (node.fault) {
      const faulted = await applyFault(ctx, node, node.fault, path);
      if (faulted) return faulted;
    }
    return serve(ctx, node, path);
  } finally {
    sim.stats.inFlightProxy--;
  }
}

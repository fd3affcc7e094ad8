/** Read-only core resources: nodes (and nodes/status), pods, configmaps, namespaces. */
import { STREAMED, type HandlerResult } from '../http';
import { get, list, type ResourceDef } from '../resource';
import { methodNotAllowed, notFound, pathNotFound } from '../status';
import { watch } from '../watch';
import { listQuery, type Ctx, type Route } from './context';

/** list / get / watch for any ResourceDef; `status` is the only subresource served here. */
export function readRoute(pick: (ctx: Ctx) => ResourceDef): Route {
  return (ctx): HandlerResult => {
    const def = pick(ctx);
    const { info } = ctx;
    if (!def.namespaced && info.namespace && def.gr.resource !== 'namespaces') throw pathNotFound();
    if (info.subresource && info.subresource !== 'status') throw pathNotFound();
    const q = listQuery(ctx);
    switch (info.verb) {
      case 'list':
        return list(def, q);
      case 'watch':
        if (info.name && !def.store.get(info.namespace ? `${info.namespace}/${info.name}` : info.name))
          throw notFound(def.gr, info.name);
        watch(def, q, info.name, ctx.req, ctx.res, ctx.sim.openWatches);
        return STREAMED;
      case 'get':
        return get(def, info.namespace, info.name, q);
      default:
        throw methodNotAllowed();
    }
  };
}

export const nodesRoute = readRoute((ctx) => ctx.sim.nodes);
export const podsRoute = readRoute((ctx) => ctx.sim.pods);
export const configmapsRoute = readRoute((ctx) => ctx.sim.configmaps);
export const namespacesRoute = readRoute((ctx) => ctx.sim.namespaces);

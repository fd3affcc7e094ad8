/**
 * Sim-only control API (admin token; outside /api and /apis so no Kubernetes client mistakes it for one):
 *   POST /simctl/metrics?enabled=true|false   install/uninstall metrics-server
 *   GET  /simctl/stats                         request counts per kind, in-flight node-proxy requests
 *   POST /simctl/stats/reset
 */
import type { Reply } from '../http';
import { badRequest, methodNotAllowed, pathNotFound } from '../status';
import { SimState } from '../state';
import type { Ctx } from './context';

export function simctlRoute(ctx: Ctx): Reply {
  const { sim, req, url } = ctx;
  const method = req.method ?? 'GET';
  switch (url.pathname.replace(/\/+$/, '')) {
    case '/simctl/metrics': {
      if (method === 'GET') return { json: { metricsEnabled: sim.fleet.metricsEnabled } };
      if (method !== 'POST') throw methodNotAllowed();
      const enabled = url.searchParams.get('enabled');
      if (enabled !== 'true' && enabled !== 'false') throw badRequest('enabled must be true or false');
      sim.fleet.metricsEnabled = enabled === 'true';
      return { json: { metricsEnabled: sim.fleet.metricsEnabled } };
    }
    case '/simctl/stats':
      if (method !== 'GET') throw methodNotAllowed();
      return { json: sim.stats };
    case '/simctl/stats/reset': {
      if (method !== 'POST') throw methodNotAllowed();
      sim.stats = { ...SimState.emptyStats(), inFlightProxy: sim.stats.inFlightProxy };
      return { json: sim.stats };
    }
    default:
      throw pathNotFound();
  }
}

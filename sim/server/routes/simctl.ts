/**
 * Sim-only control API (admin token; outside /api and /apis so no Kubernetes client mistakes it for one):
 *   POST /simctl/metrics?enabled=true|false   install/uninstall metrics-server
 *   GET  /simctl/stats                         request counts per kind, in-flight node-proxy requests
 *   POST /simctl/stats/reset
 *   POST /simctl/outage?enabled=true|false    simulated API-server outage: every other request gets 503
 *                                             ServiceUnavailable and open watches are dropped (staleness tests)
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
    case '/simctl/outage': {
      if (method === 'GET') return { json: { outage: sim.outage } };
      if (method !== 'POST') throw methodNotAllowed();
      const enabled = url.searchParams.get('enabled');
      if (enabled !== 'true' && enabled !== 'false') throw badRequest('enabled must be true or false');
      sim.outage = enabled === 'true';
      if (sim.outage) for (const close of [...sim.openWatches]) close();
      return { json: { outage: sim.outage } };
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

/** metrics.k8s.io/v1beta1 as metrics-server serves it (NodeMetrics, PodMetrics: get and list). */
import type { KubeObject } from '../../fleet/types';
import type { Reply } from '../http';
import { matchesLabels, parseLabelSelector } from '../selectors';
import { methodNotAllowed, notFound, pathNotFound } from '../status';
import type { Ctx } from './context';

const API_VERSION = 'metrics.k8s.io/v1beta1';

function listOf(kind: string, items: KubeObject[]): Reply {
  return { json: { kind, apiVersion: API_VERSION, metadata: {}, items } };
}

export function nodeMetricsRoute(ctx: Ctx): Reply {
  const { sim, info } = ctx;
  if (info.subresource || info.namespace) throw pathNotFound();
  const now = new Date();
  if (info.verb === 'get') {
    const metrics = sim.nodes.store.get(info.name) ? sim.fleet.nodeMetrics(info.name, now) : undefined;
    if (!metrics) throw notFound({ group: 'metrics.k8s.io', resource: 'nodemetrics' }, info.name);
    return { json: metrics };
  }
  if (info.verb !== 'list') throw methodNotAllowed();
  const selector = parseLabelSelector(ctx.url.searchParams.get('labelSelector'));
  const items: KubeObject[] = [];
  for (const key of sim.nodes.store.sortedKeys()) {
    const node = sim.nodes.store.get(key);
    if (!node || !matchesLabels(selector, node.metadata.labels)) continue;
    const m = sim.fleet.nodeMetrics(node.metadata.name, now);
    if (m) items.push(m);
  }
  return listOf('NodeMetricsList', items);
}

export function podMetricsRoute(ctx: Ctx): Reply {
  const { sim, info } = ctx;
  if (info.subresource) throw pathNotFound();
  const selector = parseLabelSelector(ctx.url.searchParams.get('labelSelector'));
  const all = sim.fleet.podMetrics(new Date());
  const items = all.filter(
    (m) =>
      (!info.namespace || m.metadata.namespace === info.namespace) &&
      matchesLabels(
        selector,
        m.metadata.labels ?? sim.pods.store.get(`${m.metadata.namespace}/${m.metadata.name}`)?.metadata.labels,
      ),
  );
  if (info.verb === 'get') {
    const found = items.find((m) => m.metadata.name === info.name);
    if (!found) throw notFound({ group: 'metrics.k8s.io', resource: 'podmetrics' }, info.name);
    return { json: found };
  }
  if (info.verb !== 'list') throw methodNotAllowed();
  return listOf('PodMetricsList', items);
}

import 'server-only';
import type { NodeHistory } from '@/lib/api/node-history';
import { NodeNameSchema } from '@/lib/api/names';
import { getFleet } from '@/lib/fleet/fleet';
import type { Kube } from '@/lib/k8s/client';

/**
 * The node's signal history as this identity's fleet layer kept it: filled by the node list's sweeps (while
 * anyone watches the fleet) and by node pages' own reads. Asks no kubelet: a node never read has no samples.
 */
export function nodeHistory(kube: Kube, name: string): NodeHistory {
  const node = NodeNameSchema.parse(name);
  const fleet = getFleet(kube);
  const { samples, capacity } = fleet.history.read(node);
  return {
    node,
    windowMs: fleet.history.windowMs,
    refreshMs: fleet.settings.refreshMs,
    fullResolutionMs: fleet.history.fullResolutionMs,
    samples,
    capacity,
  };
}

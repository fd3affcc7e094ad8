/**
 * Label selectors worth offering for "compare a node pool / role / zone", built from the labels nodes carry.
 * Pool keys are the ones the managed offerings and common installers set on every node of a pool.
 */
const POOL_KEYS = [
  'eks.amazonaws.com/nodegroup',
  'karpenter.sh/nodepool',
  'cloud.google.com/gke-nodepool',
  'kubernetes.azure.com/agentpool',
  'alibabacloud.com/nodepool-id',
  'node.kubernetes.io/instance-type',
];
const ZONE_KEY = 'topology.kubernetes.io/zone';
const ROLE_PREFIX = 'node-role.kubernetes.io/';

export interface SelectorSuggestion {
  group: 'Node pool' | 'Role' | 'Zone';
  selector: string;
  count: number;
}

export function selectorSuggestions(nodes: ReadonlyArray<{ labels: Record<string, string> }>): SelectorSuggestion[] {
  const counts = new Map<string, { group: SelectorSuggestion['group']; count: number }>();
  const bump = (group: SelectorSuggestion['group'], selector: string) => {
    const c = counts.get(selector);
    if (c) c.count++;
    else counts.set(selector, { group, count: 1 });
  };
  for (const n of nodes) {
    for (const [k, v] of Object.entries(n.labels)) {
      if (POOL_KEYS.includes(k)) bump('Node pool', `${k}=${v}`);
      else if (k === ZONE_KEY) bump('Zone', `${k}=${v}`);
      else if (k.startsWith(ROLE_PREFIX)) bump('Role', k);
    }
  }
  const order = { 'Node pool': 0, Role: 1, Zone: 2 } as const;
  return [...counts.entries()]
    .map(([selector, { group, count }]) => ({ group, selector, count }))
    .sort((a, b) => order[a.group] - order[b.group] || a.selector.localeCompare(b.selector));
}

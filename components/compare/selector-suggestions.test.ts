import { describe, expect, it } from 'vitest';
import { selectorSuggestions } from './selector-suggestions';

describe('selectorSuggestions', () => {
  it('offers pools, roles and zones with node counts', () => {
    const s = selectorSuggestions([
      { labels: { 'eks.amazonaws.com/nodegroup': 'ng-1', 'topology.kubernetes.io/zone': 'us-east-1a' } },
      { labels: { 'eks.amazonaws.com/nodegroup': 'ng-1', 'topology.kubernetes.io/zone': 'us-east-1b' } },
      { labels: { 'node-role.kubernetes.io/control-plane': '' } },
    ]);
    expect(s).toEqual([
      { group: 'Node pool', selector: 'eks.amazonaws.com/nodegroup=ng-1', count: 2 },
      { group: 'Role', selector: 'node-role.kubernetes.io/control-plane', count: 1 },
      { group: 'Zone', selector: 'topology.kubernetes.io/zone=us-east-1a', count: 1 },
      { group: 'Zone', selector: 'topology.kubernetes.io/zone=us-east-1b', count: 1 },
    ]);
  });
  it('is empty for no nodes', () => {
    expect(selectorSuggestions([])).toEqual([]);
  });
});

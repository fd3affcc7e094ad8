import { describe, expect, it } from 'vitest';
import { activePressures, internalIP, nodeRoles, readyStatus } from './node-status';

// Condition list shaped like the node in kubernetes/kubernetes#58609 (kubeadm 1.9, 2018): the retired
// OutOfDisk condition is still present and Ready comes last.
const conditions2018 = [
  { type: 'OutOfDisk', status: 'False' },
  { type: 'MemoryPressure', status: 'False' },
  { type: 'DiskPressure', status: 'False' },
  { type: 'Ready', status: 'True' },
];

describe('readyStatus', () => {
  it('finds Ready wherever it sits in the list', () => {
    expect(readyStatus(conditions2018)).toBe('True');
    expect(readyStatus([...conditions2018].reverse())).toBe('True');
  });
  it('reports False for a NotReady node', () => {
    expect(
      readyStatus([
        { type: 'Ready', status: 'False' },
        { type: 'MemoryPressure', status: 'False' },
      ]),
    ).toBe('False');
  });
  it('is Unknown when the controller marked it Unknown, when Ready is missing, or with no conditions', () => {
    expect(readyStatus([{ type: 'Ready', status: 'Unknown' }])).toBe('Unknown');
    expect(readyStatus([{ type: 'MemoryPressure', status: 'False' }])).toBe('Unknown');
    expect(readyStatus(undefined)).toBe('Unknown');
    expect(readyStatus([{ type: 'Ready', status: 'Maybe' }])).toBe('Unknown');
  });
});

describe('activePressures', () => {
  it('lists only pressure conditions whose status is True, in a fixed order', () => {
    expect(
      activePressures([
        { type: 'PIDPressure', status: 'True' },
        { type: 'Ready', status: 'True' },
        { type: 'DiskPressure', status: 'Unknown' },
        { type: 'MemoryPressure', status: 'True' },
      ]),
    ).toEqual(['MemoryPressure', 'PIDPressure']);
  });
  it('ignores non-pressure conditions that are True (NetworkUnavailable is not a pressure)', () => {
    expect(activePressures([{ type: 'NetworkUnavailable', status: 'True' }, ...conditions2018])).toEqual([]);
  });
});

describe('nodeRoles', () => {
  it('reads node-role.kubernetes.io/<role> suffixes, ignoring their values (kind control plane)', () => {
    // labels of kind-control-plane as `kubectl describe node` prints them in replicatedhq/kots#3353
    expect(
      nodeRoles({
        'kubernetes.io/hostname': 'kind-control-plane',
        'node-role.kubernetes.io/control-plane': '',
        'node.kubernetes.io/exclude-from-external-load-balancers': '',
      }),
    ).toEqual(['control-plane']);
  });
  it('merges the legacy kubernetes.io/role value, de-duplicates and sorts', () => {
    expect(
      nodeRoles({
        'node-role.kubernetes.io/master': '',
        'node-role.kubernetes.io/control-plane': '',
        'kubernetes.io/role': 'master',
      }),
    ).toEqual(['control-plane', 'master']);
  });
  it('is empty (<none>) without role labels, and skips an empty role suffix or empty legacy value', () => {
    expect(nodeRoles({ 'kubernetes.io/hostname': 'n1' })).toEqual([]);
    expect(nodeRoles({ 'node-role.kubernetes.io/': 'x', 'kubernetes.io/role': '' })).toEqual([]);
    expect(nodeRoles(undefined)).toEqual([]);
  });
});

describe('internalIP', () => {
  it('returns the first InternalIP, skipping Hostname and ExternalIP', () => {
    expect(
      internalIP([
        { type: 'Hostname', address: 'ip-10-0-1-23.ec2.internal' },
        { type: 'ExternalIP', address: '54.1.2.3' },
        { type: 'InternalIP', address: '10.0.1.23' },
        { type: 'InternalIP', address: 'fd00::17' },
      ]),
    ).toBe('10.0.1.23');
  });
  it('is undefined when the node reports none', () => {
    expect(internalIP([{ type: 'Hostname', address: 'n1' }])).toBeUndefined();
    expect(internalIP(undefined)).toBeUndefined();
  });
});

/**
 * Status facts about a Node, read the way kubectl reads them. Pure: plain data in, plain data out.
 * Inputs are structural so both wire objects and reshaped ones fit.
 */

export interface ConditionLike {
  type: string;
  status: string;
}

export type ReadyStatus = 'True' | 'False' | 'Unknown';
export type Pressure = 'MemoryPressure' | 'DiskPressure' | 'PIDPressure';

/**
 * Status of the `Ready` condition. Conditions carry no stable order, so we pick by type, never by index; if a
 * buggy producer repeats a type the last one wins (kubectl's printer builds a map the same way). A missing
 * Ready condition, or a status other than True/False, is Unknown — the node lifecycle controller sets
 * Unknown when the kubelet stops posting (kubernetes/pkg/printers/internalversion/printers.go printNode).
 */
export function readyStatus(conditions: readonly ConditionLike[] | undefined): ReadyStatus {
  let status: string | undefined;
  for (const c of conditions ?? []) if (c.type === 'Ready') status = c.status;
  return status === 'True' || status === 'False' ? status : 'Unknown';
}

const PRESSURES: readonly Pressure[] = ['MemoryPressure', 'DiskPressure', 'PIDPressure'];

/**
 * Pressure conditions whose status is exactly True (False and Unknown mean no pressure is known), in a fixed
 * order (Memory, Disk, PID) so the UI is stable whatever order the API used.
 */
export function activePressures(conditions: readonly ConditionLike[] | undefined): Pressure[] {
  const active = new Set((conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type));
  return PRESSURES.filter((p) => active.has(p));
}

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const LEGACY_ROLE_LABEL = 'kubernetes.io/role';

/**
 * Roles as `kubectl get nodes` prints them (printers.go findNodeRoles): the suffix of every
 * `node-role.kubernetes.io/<role>` label (its value is ignored; an empty suffix is skipped), plus the value of
 * the legacy `kubernetes.io/role` label when non-empty; de-duplicated and sorted. Empty means `<none>`.
 */
export function nodeRoles(labels: Readonly<Record<string, string>> | undefined): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (key.startsWith(ROLE_PREFIX)) {
      const role = key.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === LEGACY_ROLE_LABEL && value) {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

/**
 * The first `InternalIP` address, as `kubectl get nodes -o wide` shows it. Dual-stack nodes list one per
 * family; the kubelet puts the primary family first.
 */
export function internalIP(addresses: readonly { type: string; address: string }[] | undefined): string | undefined {
  return addresses?.find((a) => a.type === 'InternalIP')?.address;
}

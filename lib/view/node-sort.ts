import type { NodeRow } from '@/lib/api/nodes';
import { parseKubeletVersion } from '@/lib/domain/kubelet-version';
import type { SortColumn } from './node-view-state';

/** Natural order for names: "k8s-worker-2" before "k8s-worker-10", as people read node lists. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

type SortValue = number | string | undefined;

const ratio = (used: number | null | undefined, allocatable: number): number | undefined =>
  used === null || used === undefined || !(allocatable > 0) ? undefined : used / allocatable;

/** Ready < Ready,SchedulingDisabled < Unknown < NotReady: descending puts the nodes needing attention first. */
const READY_RANK = { True: 0, Unknown: 1, False: 2 } as const;

/** Values some columns sort by that are not on the row (the posture column: failed checks per node). */
export interface SortExtras {
  /** failed checks per evaluated node (GET /api/posture?view=nodes); absent = not evaluated (yet) */
  postureFails?: ReadonlyMap<string, number>;
  /** eviction headroom per node in % above the closest hard threshold (negative = met); absent = not measured */
  headroom?: ReadonlyMap<string, number>;
}

/**
 * The value a column sorts by. `undefined` means "not known" (metrics or pods unavailable, unparsable
 * version) and always sorts last whatever the direction, so missing data never poses as 0 %.
 * Percent columns sort by the exact ratio, not the truncated percentage shown.
 * @internal exported for its unit tests (sortNodes is the one caller)
 */
export function sortValue(column: SortColumn, node: NodeRow, extras: SortExtras = {}): SortValue {
  switch (column) {
    case 'name':
      return node.name;
    case 'status':
      return READY_RANK[node.ready] * 2 + (node.unschedulable ? 1 : 0);
    case 'roles':
      return node.roles.length === 0 ? undefined : [...node.roles].sort().join(',');
    case 'version': {
      const v = parseKubeletVersion(node.kubeletVersion);
      return v ? v.major * 1e6 + v.minor * 1e3 + v.patch : undefined;
    }
    case 'system':
      return `${node.osImage} ${node.architecture} ${node.containerRuntime}`;
    case 'age': {
      // Ascending age = youngest first, i.e. latest creation time first.
      const created = Date.parse(node.createdAt);
      return Number.isNaN(created) ? undefined : -created;
    }
    case 'cpu':
      return ratio(node.usage?.cpuMillis, node.allocatable.cpuMillis);
    case 'memory':
      return ratio(node.usage?.memoryBytes, node.allocatable.memoryBytes);
    case 'cpuRequests':
      return ratio(node.requests?.cpuMillis, node.allocatable.cpuMillis);
    case 'memoryRequests':
      return ratio(node.requests?.memoryBytes, node.allocatable.memoryBytes);
    case 'pods':
      // How full the node is (pods / maxPods), which is what limits scheduling; not the raw count.
      return ratio(node.podCount, node.allocatable.pods);
    case 'pressure':
      return node.pressures.length;
    case 'taints':
      return node.taints.length + (node.unschedulable ? 0.5 : 0);
    case 'posture':
      // unreadable and not-yet-read nodes have no count: last, never posing as 0 failures
      return extras.postureFails?.get(node.name);
    case 'eviction':
      // ascending = closest to evicting first; kubelets not measured (yet) sort last
      return extras.headroom?.get(node.name);
  }
}

/** Compares two defined sort values: numbers numerically, strings in natural order. */
function compareSortValues(a: Exclude<SortValue, undefined>, b: Exclude<SortValue, undefined>): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Nodes ordered by name: the stable tie-breaker, so equal values always list in the same order. Collation is
 * the costly part of sorting 5,000 rows (numeric collation, ~60,000 comparisons), so the node list does it
 * once per node list and passes `{ inNameOrder: true }` to sortNodes on every sort or filter change.
 */
export function orderByName(nodes: readonly NodeRow[]): NodeRow[] {
  return [...nodes].sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * Sorted copy of `nodes`: unknown values last in both directions, ties by name. The table feeds TanStack
 * Table these rows with `manualSorting`, so this tested function is the only sort implementation.
 * `inNameOrder`: the caller guarantees `nodes` is already in orderByName order (a filter keeps it).
 */
export function sortNodes(
  nodes: readonly NodeRow[],
  column: SortColumn,
  dir: 'asc' | 'desc',
  o: { inNameOrder?: boolean } & SortExtras = {},
): NodeRow[] {
  const named = o.inNameOrder ? nodes : orderByName(nodes);
  // names are unique: name order (or its reverse) is the whole answer
  if (column === 'name') return dir === 'asc' ? [...named] : [...named].reverse();
  const sign = dir === 'asc' ? 1 : -1;
  return named
    .map((node, index) => ({ node, index, value: sortValue(column, node, o) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        if (a.value === b.value) return a.index - b.index;
        return a.value === undefined ? 1 : -1;
      }
      return sign * compareSortValues(a.value, b.value) || a.index - b.index;
    })
    .map((e) => e.node);
}

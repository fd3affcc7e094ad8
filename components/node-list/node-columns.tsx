import type { ReactNode } from 'react';
import type { FleetNodeResult } from '@/lib/api/fleet';
import type { NodeRow } from '@/lib/api/nodes';
import type { PartAvailability } from '@/lib/api/partial';
import { formatBytes, formatCpuMillis } from '@/lib/domain/format-units';
import { formatAge } from '@/lib/view/age';
import type { SortColumn } from '@/lib/view/node-view-state';
import { percentOfAllocatable } from '@/lib/view/percent';
import { KubeletCell } from './kubelet-cell';
import { NameCell, PressureCell, RolesCell, SchedulingCell, SystemCell } from './node-cells';
import { PercentValue } from './percent-cell';
import { PostureCell, type PostureColumnData } from './posture-cell';
import { NodeReadyBadge } from './node-ready-badge';

export interface ColumnContext {
  /** server time of the response: ages are measured against it, so they match the data (and SSR = client) */
  fetchedAt: string;
  metrics: PartAvailability;
  pods: PartAvailability;
  /** per-node kubelet results streamed by the fleet sweep (useFleetStream); absent = pending */
  kubelet?: ReadonlyMap<string, FleetNodeResult>;
  /** the fleet stream is connected, so a node without a result is pending rather than unknown */
  kubeletLive?: boolean;
  /** failed security checks per node (GET /api/posture?view=nodes) */
  posture?: PostureColumnData;
}

/** Column widths, one per column in order; also the grid template shared by header and rows. */
export const GRID_TEMPLATE =
  'minmax(11.5rem,1.6fr) 6rem 5.5rem 5rem minmax(9rem,1fr) 3.25rem 4.5rem 4.5rem 4.5rem 4.5rem 4.75rem 7.5rem 7rem 5.75rem minmax(8.25rem,1fr)';
/** sum of the minimum widths: narrower screens scroll the table sideways */
export const TABLE_MIN_WIDTH = '91.5rem';

/** A part the server has not loaded yet is "loading", not "unavailable": it is on its way (a cold server). */
const missing = (part: PartAvailability) => (!part.available && part.reason === 'Loading' ? 'loading' : 'unavailable');

const cores = (millis: number) => `${formatCpuMillis(millis)}${millis >= 1000 ? ' cores' : ''}`;

function usageCell(kind: 'cpu' | 'memory', source: 'usage' | 'requests', part: PartAvailability) {
  const Cell = ({ node }: { node: NodeRow }) => {
    const values = node[source];
    const used = kind === 'cpu' ? values?.cpuMillis : values?.memoryBytes;
    const allocatable = kind === 'cpu' ? node.allocatable.cpuMillis : node.allocatable.memoryBytes;
    const fmt = kind === 'cpu' ? cores : formatBytes;
    const what = source === 'usage' ? 'metrics' : 'pods';
    const unavailable = !part.available ? `${what} ${missing(part)}` : source === 'usage' ? 'no metrics' : 'unknown';
    return (
      <PercentValue
        percent={percentOfAllocatable(used, allocatable)}
        unavailable={unavailable}
        detail={
          used === undefined
            ? !part.available
              ? part.message
              : 'metrics-server has no sample for this node'
            : `${fmt(used)} of ${fmt(allocatable)} allocatable`
        }
      />
    );
  };
  Cell.displayName = `${kind}-${source}-cell`;
  return Cell;
}

/** One column of the node table: its header, how a row's cell renders, and the direction a first click sorts in. */
export interface NodeColumn {
  id: SortColumn;
  header: string;
  /** tooltip on the header: what the number means and where it comes from */
  description?: string;
  /**
   * the first click's order: names and text A→Z; numbers (usage, counts, age as youngest first, failed checks)
   * highest first, where the rows needing attention are; eviction headroom smallest (closest to evicting) first
   */
  firstDir: 'asc' | 'desc';
  cell: (props: { node: NodeRow }) => ReactNode;
}

type ColumnSpec = Omit<NodeColumn, 'firstDir'> & { firstDir?: 'asc' | 'desc' };

/**
 * The node table's columns, in order. Sorting itself is sortNodes' (lib/view/node-sort.ts): the table only keeps
 * which column and direction the URL says. (TanStack Table did this before; a table whose rows arrive sorted and
 * whose cells are plain components needs none of it, and it was a third of the route's own JavaScript.)
 */
export function nodeColumns({
  fetchedAt,
  metrics,
  pods,
  kubelet,
  kubeletLive = false,
  posture,
}: ColumnContext): NodeColumn[] {
  const specs: ColumnSpec[] = [
    { id: 'name', header: 'Name', firstDir: 'asc', cell: NameCell },
    {
      id: 'status',
      header: 'Status',
      description: 'Ready condition, as kubectl get nodes prints it',
      cell: ({ node }) => <NodeReadyBadge ready={node.ready} />,
    },
    { id: 'roles', header: 'Roles', firstDir: 'asc', cell: ({ node }) => <RolesCell roles={node.roles} /> },
    {
      id: 'version',
      header: 'Kubelet',
      cell: ({ node }) => (
        // elementtiming: when the first rows are painted, as the browser records it (components/element-timing.d.ts)
        <span className="truncate font-mono text-xs" title={node.kubeletVersion} elementtiming="node-row">
          {node.kubeletVersion}
        </span>
      ),
    },
    {
      id: 'system',
      header: 'System',
      description: 'OS image, architecture and container runtime',
      firstDir: 'asc',
      cell: SystemCell,
    },
    {
      id: 'age',
      header: 'Age',
      cell: ({ node }) => (
        <span className="text-xs tabular-nums" title={node.createdAt}>
          {formatAge(node.createdAt, Date.parse(fetchedAt))}
        </span>
      ),
    },
    {
      id: 'cpu',
      header: 'CPU use',
      description: 'CPU in use as % of allocatable (kubectl top node)',
      cell: usageCell('cpu', 'usage', metrics),
    },
    {
      id: 'memory',
      header: 'Mem use',
      description: 'Memory in use (working set) as % of allocatable (kubectl top node)',
      cell: usageCell('memory', 'usage', metrics),
    },
    {
      id: 'cpuRequests',
      header: 'CPU req',
      description: 'CPU requested by non-terminated pods as % of allocatable (kubectl describe node)',
      cell: usageCell('cpu', 'requests', pods),
    },
    {
      id: 'memoryRequests',
      header: 'Mem req',
      description: 'Memory requested by non-terminated pods as % of allocatable (kubectl describe node)',
      cell: usageCell('memory', 'requests', pods),
    },
    {
      id: 'pods',
      header: 'Pods',
      description: 'Non-terminated pods on the node / allocatable pods (maxPods)',
      cell: ({ node }) => (
        <PercentValue
          percent={node.podCount === null ? undefined : percentOfAllocatable(node.podCount, node.allocatable.pods)}
          label={`${node.podCount} / ${node.allocatable.pods}`}
          unavailable={pods.available ? 'unknown' : `pods ${missing(pods)}`}
          detail={pods.available ? `${node.podCount} of ${node.allocatable.pods} pods (maxPods)` : pods.message}
        />
      ),
    },
    {
      id: 'pressure',
      header: 'Pressure',
      description:
        'MemoryPressure, DiskPressure and PIDPressure conditions that are True, with the signal behind each when the row shows it',
      cell: ({ node }) => <PressureCell node={node} result={kubelet?.get(node.name)} />,
    },
    {
      id: 'taints',
      header: 'Scheduling',
      description: 'Cordoned (SchedulingDisabled) and taints',
      cell: SchedulingCell,
    },
  ];
  const columns: NodeColumn[] = specs.map((spec) => ({ firstDir: 'desc', ...spec }));
  // Sortable by failed checks (sortNodes' postureFails); unevaluated nodes sort last either way.
  columns.splice(columns.length - 1, 0, {
    id: 'posture',
    header: 'Posture',
    description: 'Failed kubelet security checks (CIS 1.12 §4, DISA STIG) on the effective config; see Posture',
    firstDir: 'desc',
    cell: ({ node }) => <PostureCell name={node.name} posture={posture} />,
  });
  // Filled progressively by the fleet stream; sortable by headroom, smallest (closest to evicting) first.
  columns.splice(columns.length - 1, 0, {
    id: 'eviction',
    header: 'Eviction',
    description:
      "Headroom of the hard eviction threshold closest to being met: (available − threshold) as % of the signal's capacity, from kubelet stats/summary; or why the kubelet did not answer",
    firstDir: 'asc',
    cell: ({ node }) => <KubeletCell result={kubelet?.get(node.name)} live={kubeletLive} />,
  });
  return columns;
}

import Link from 'next/link';
import type { Route } from 'next';
import type { FleetNodeResult } from '@/lib/api/fleet';
import type { NodeRow } from '@/lib/api/nodes';
import { pressureCause } from '@/lib/view/eviction-labels';
import { Badge } from '@/components/ui/badge';
import { focusRing } from '@/components/ui/focus';
import { MiddleTruncate } from '@/components/ui/middle-truncate';
import { cn } from '@/lib/cn';

/** Node name linking to its detail page, with the InternalIP underneath for ssh and kubelet debugging. */
export function NameCell({ node }: { node: NodeRow }) {
  return (
    <span className="flex min-w-0 flex-col">
      <Link
        href={`/nodes/${encodeURIComponent(node.name)}` as Route}
        aria-label={node.name} // the two halves of the truncated name are flex items: no space read between them
        prefetch={false}
        className={cn(
          'group flex min-w-0 rounded-sm font-medium text-sky-700 hover:underline dark:text-sky-400',
          focusRing,
        )}
      >
        <MiddleTruncate text={node.name} />
      </Link>
      {node.internalIP && <span className="truncate font-mono text-xs text-zinc-500">{node.internalIP}</span>}
    </span>
  );
}

/** OS image on top; architecture and container runtime below (as `kubectl get nodes -o wide` shows them). */
export function SystemCell({ node }: { node: NodeRow }) {
  const second = `${node.architecture} · ${node.containerRuntime}`;
  return (
    <span className="flex min-w-0 flex-col text-xs" title={`${node.osImage}\n${second}\nkernel ${node.kernelVersion}`}>
      <span className="truncate">{node.osImage}</span>
      <span className="truncate text-zinc-500">{second}</span>
    </span>
  );
}

const PRESSURE_LABEL = { MemoryPressure: 'MemoryPressure', DiskPressure: 'DiskPressure', PIDPressure: 'PIDPressure' };

/**
 * Pressure conditions that are True, each with the signal behind it when the row's eviction result shows it
 * ("memory below threshold"), else "signal unknown" (lib/view/eviction-labels.ts); "—" when none. Warning colour
 * plus the condition's name (and the row's stripe).
 */
export function PressureCell({ node, result }: { node: NodeRow; result?: FleetNodeResult | undefined }) {
  if (node.pressures.length === 0) return <span className="text-zinc-400 dark:text-zinc-600">—</span>;
  const first = node.pressures[0]!;
  const cause = pressureCause(first, result);
  return (
    <span className="flex min-w-0 flex-col gap-0.5">
      <span className="flex gap-1">
        {node.pressures.map((p) => (
          <Badge key={p} tone="warning" title={`${p} condition is True: ${pressureCause(p, result)}`}>
            {PRESSURE_LABEL[p]}
          </Badge>
        ))}
      </span>
      <span
        className="truncate text-xs leading-3.5 text-zinc-600 dark:text-zinc-400"
        data-testid="pressure-cause"
        title={
          cause === 'signal unknown'
            ? `The kubelet sets ${first} while a hard or soft threshold of its signals is met, and keeps it for evictionPressureTransitionPeriod after. No hard threshold of ${first} is met in the last sample; the node page shows every threshold.`
            : `The hard threshold closest to being met is met now: ${cause}.`
        }
      >
        {cause}
      </span>
    </span>
  );
}

const formatTaint = (t: NodeRow['taints'][number]) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;

/**
 * Cordon state and taints. Cordoned nodes show SchedulingDisabled as kubectl does; the unschedulable taint
 * the controller adds for it is not repeated. The full taint list is in the tooltip.
 */
export function SchedulingCell({ node }: { node: NodeRow }) {
  const taints = node.taints.filter((t) => !(node.unschedulable && t.key === 'node.kubernetes.io/unschedulable'));
  const first = taints[0];
  if (!node.unschedulable && !first) return <span className="text-zinc-400 dark:text-zinc-600">—</span>;
  return (
    <span className="flex min-w-0 items-center gap-1.5" title={node.taints.map(formatTaint).join('\n') || undefined}>
      {node.unschedulable && (
        <Badge tone="muted" title="Cordoned: spec.unschedulable is true">
          SchedulingDisabled
        </Badge>
      )}
      {first && (
        <span className="flex min-w-0 font-mono text-xs text-zinc-700 dark:text-zinc-300">
          <MiddleTruncate text={formatTaint(first)} />
          {taints.length > 1 && <span className="shrink-0 text-zinc-500">&nbsp;+{taints.length - 1}</span>}
        </span>
      )}
    </span>
  );
}

/** Roles from node-role labels; "<none>" like kubectl when there are none. */
export function RolesCell({ roles }: { roles: string[] }) {
  if (roles.length === 0) return <span className="text-zinc-400 dark:text-zinc-500">&lt;none&gt;</span>;
  return <span className="truncate text-xs">{roles.join(', ')}</span>;
}

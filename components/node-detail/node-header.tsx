'use client';

import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/cn';
import type { NodeDetail } from '@/lib/api/node-detail';
import { Age } from '@/components/age';
import { MiddleTruncate } from '@/components/ui/middle-truncate';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

const PRESSURE = new Set(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable']);

/** Name, status, roles, version, addresses, age, taints and every condition with its last transition. */
export function NodeHeader({ node }: { node: NodeDetail }) {
  return (
    <section data-testid="node-header" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="font-mono text-xl font-semibold tracking-tight">{node.name}</h1>
        <Badge tone={node.ready === 'True' ? 'success' : 'danger'} data-testid="node-ready">
          {node.ready === 'True' ? 'Ready' : node.ready === 'False' ? 'NotReady' : 'Unknown'}
        </Badge>
        {node.unschedulable && <Badge tone="warning">SchedulingDisabled</Badge>}
        {node.pressures.map((p) => (
          <Badge key={p} tone="danger">
            {p}
          </Badge>
        ))}
        {node.roles.length ? (
          node.roles.map((r) => <Badge key={r}>{r}</Badge>)
        ) : (
          <Badge tone="muted">&lt;none&gt;</Badge>
        )}
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <Item label="Kubelet">{node.nodeInfo.kubeletVersion}</Item>
        <Item label="Age">
          <Age since={node.createdAt} />
        </Item>
        <Item label="Runtime">{node.nodeInfo.containerRuntime}</Item>
        <Item label="OS">
          {node.nodeInfo.osImage} · {node.nodeInfo.kernelVersion} · {node.nodeInfo.architecture}
        </Item>
        {/* the whole row on phones: in half of it a short hostname (k8s-worker-7) lost its end, which is not split */}
        <Item label="Addresses" wrap className="col-span-2 sm:col-span-1">
          {node.addresses.map((a) => (
            <span key={`${a.type}/${a.address}`} className="flex max-w-full min-w-0 gap-1 whitespace-nowrap">
              {/* shrink-0: below md every flex child may shrink (globals.css), and the value then drew over it */}
              <span className="shrink-0 text-zinc-500">{a.type}</span>{' '}
              <MiddleTruncate text={a.address} className="font-mono" />
            </span>
          ))}
        </Item>
        <Item label="Taints" wrap>
          {node.taints.length === 0
            ? 'none'
            : node.taints.map((t) => (
                <MiddleTruncate
                  key={`${t.key}:${t.effect}`}
                  text={`${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`}
                  className="font-mono text-xs"
                />
              ))}
        </Item>
      </dl>
      <Table density="inline" size="xs" data-testid="node-conditions">
        <caption className="sr-only">Node conditions</caption>
        <TableHeader tone="plain">
          <tr>
            <TableHead>Condition</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Last transition</TableHead>
            <TableHead>Reason / message</TableHead>
          </tr>
        </TableHeader>
        <TableBody>
          {node.conditions.map((c) => {
            const bad = c.type === 'Ready' ? c.status !== 'True' : PRESSURE.has(c.type) && c.status !== 'False';
            return (
              <TableRow key={c.type} data-testid={`condition-${c.type}`}>
                <TableCell className="font-medium">{c.type}</TableCell>
                <TableCell>
                  <Badge tone={bad ? 'danger' : 'neutral'}>{c.status}</Badge>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {c.lastTransitionTime ? <Age since={c.lastTransitionTime} suffix=" ago" /> : '—'}
                </TableCell>
                <TableCell className="text-zinc-600 dark:text-zinc-400">
                  {c.reason}
                  {c.message ? ` — ${c.message}` : ''}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}

/** `wrap`: several values, each middle-truncated on its own line-part, instead of one value cut at its end. */
function Item({
  label,
  wrap,
  className,
  children,
}: {
  label: string;
  wrap?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn('min-w-0', className)}>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className={wrap ? 'flex min-w-0 flex-wrap items-baseline gap-x-2' : 'truncate'}>{children}</dd>
    </div>
  );
}

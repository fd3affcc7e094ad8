'use client';

import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatAmount } from '@/lib/domain/allocatable';
import type { EvictionOrder, SignalChoice } from '@/lib/domain/eviction-order';
import { type EvictionSignal, signalUnit } from '@/lib/domain/signal-conditions';

const PROTECTED_WHY = {
  mirror: 'static pod (mirror)',
  priority: 'priority ≥ 2000000000',
} as const;

const USAGE_HEADING = { memory: 'Working set', disk: 'Local storage', pid: 'Processes' } as const;

function fmt(signal: EvictionSignal, method: EvictionOrder['method'], v: bigint): string {
  if (method === 'pid') return v.toLocaleString('en-US');
  return formatAmount(signalUnit(signal) === 'bytes' ? 'bytes' : 'count', v);
}

/**
 * The kubelet's eviction order for one signal: which pods it would evict first, the pods it never evicts, and why
 * when no victim can be named. The signal defaults to the one under pressure; the reader may pick another.
 */
export function EvictionOrderTable({
  order,
  choice,
  signals,
  onSignal,
  podsError,
}: {
  order: EvictionOrder | undefined;
  choice: SignalChoice;
  /** signals with a threshold, to pick from */
  signals: readonly EvictionSignal[];
  onSignal: (s: EvictionSignal) => void;
  podsError?: string;
}) {
  const signal = order?.signal ?? choice.signal;
  // pods request no inodes; the kubelet's "above request" for an inode signal subtracts bytes (helpers.go disk())
  const showRequest = order !== undefined && order.method !== 'pid' && !signal.endsWith('inodesFree');
  return (
    <div data-testid="eviction-order" data-signal={signal}>
      <div className="mb-1 flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">Eviction order</h3>
        {signals.length > 1 ? (
          <label className="text-xs">
            for{' '}
            <select
              value={signal}
              onChange={(e) => onSignal(e.target.value as EvictionSignal)}
              className="rounded px-1 font-mono ring-1 ring-zinc-300 dark:bg-zinc-900"
              aria-label="Signal to rank pods for"
            >
              {signals.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        ) : (
          <span className="font-mono text-xs">for {signal}</span>
        )}
        {signal === choice.signal && <span className="text-xs text-zinc-500">({choice.why})</span>}
      </div>
      {order && <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">{order.measures}</p>}
      {podsError ? (
        <p className="text-xs text-amber-800 dark:text-amber-300" data-testid="eviction-order-empty">
          No order: the pods on this node could not be listed ({podsError}).
        </p>
      ) : !order ? (
        <p className="text-xs text-zinc-500" data-testid="eviction-order-empty">
          Loading the pods on this node…
        </p>
      ) : order.victims.length === 0 ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="eviction-order-empty">
          {order.emptyReason}
        </p>
      ) : (
        <Table density="tight" size="xs" data-testid="eviction-ranking">
          <TableHeader tone="plain">
            <tr>
              <TableHead>#</TableHead>
              <TableHead>Pod</TableHead>
              <TableHead>QoS</TableHead>
              <TableHead>Priority</TableHead>
              <TableHead>{USAGE_HEADING[order.method]}</TableHead>
              {showRequest && <TableHead>Request</TableHead>}
              {showRequest && <TableHead>Above request</TableHead>}
            </tr>
          </TableHeader>
          <TableBody>
            {order.victims.slice(0, 10).map((v) => (
              <TableRow key={`${v.pod.namespace}/${v.pod.name}`}>
                <TableCell className="tabular-nums">{v.rank}</TableCell>
                <TableCell className="font-mono">
                  {v.pod.namespace}/{v.pod.name}
                </TableCell>
                <TableCell>{v.pod.qosClass}</TableCell>
                <TableCell className="tabular-nums">{v.pod.priority}</TableCell>
                <TableCell className="tabular-nums">
                  {v.usage === undefined ? 'no stats' : fmt(signal, order.method, v.usage)}
                </TableCell>
                {showRequest && <TableCell className="tabular-nums">{fmt(signal, order.method, v.request)}</TableCell>}
                {showRequest && (
                  <TableCell className="tabular-nums">
                    {v.usage === undefined ? (
                      '—'
                    ) : v.exceedsRequests ? (
                      <Badge tone="warning">+{fmt(signal, order.method, v.usage - v.request)}</Badge>
                    ) : (
                      fmt(signal, order.method, v.usage - v.request)
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {order && order.victims.length > 10 && (
        <p className="mt-1 text-xs text-zinc-500">…and {order.victims.length - 10} more in that order.</p>
      )}
      {order && order.protected.length > 0 && (
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400" data-testid="eviction-protected">
          Never evicted by the kubelet ({order.protected.length}):{' '}
          {order.protected.map((p, i) => (
            <span key={`${p.pod.namespace}/${p.pod.name}`}>
              {i > 0 && ', '}
              <span className="font-mono">
                {p.pod.namespace}/{p.pod.name}
              </span>{' '}
              ({PROTECTED_WHY[p.reason]})
            </span>
          ))}
          .
        </p>
      )}
    </div>
  );
}

'use client';

import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { NodeCondition } from '@/lib/api/node-detail';
import { formatAmount } from '@/lib/domain/allocatable';
import { formatGoDuration } from '@/lib/domain/durations';
import type { EvictionOrder, SignalChoice } from '@/lib/domain/eviction-order';
import type { ThresholdStatus } from '@/lib/domain/eviction-signals';
import { type EvictionSignal, signalUnit } from '@/lib/domain/signal-conditions';
import { describeThresholdValue } from '@/lib/domain/eviction-thresholds';
import { EvictionOrderTable } from './eviction-order-table';
import { SignalChart } from './signal-chart';
import type { SignalHistoryView } from './use-signal-history';

const fmtSignal = (signal: EvictionSignal, v: bigint) =>
  formatAmount(signalUnit(signal) === 'bytes' ? 'bytes' : 'count', v);

/** Thresholds beside their live signals, the signal history, and the pods the kubelet would evict first. */
export function EvictionView({
  statuses,
  conditions,
  transitionPeriod,
  maxPodGracePeriod,
  history,
  order,
  choice,
  onRankSignal,
  podsError,
  problems,
  summaryError,
}: {
  statuses: readonly ThresholdStatus[];
  conditions: readonly NodeCondition[];
  transitionPeriod?: string;
  maxPodGracePeriod?: number;
  /** the server's last hour, then the page's own samples */
  history: SignalHistoryView;
  /** the kubelet's eviction order for the signal being ranked; undefined while pods load */
  order: EvictionOrder | undefined;
  /** the signal ranked by default and why */
  choice: SignalChoice;
  onRankSignal: (s: EvictionSignal) => void;
  podsError?: string;
  problems: readonly string[];
  summaryError?: string;
}) {
  const observed = statuses.filter((s) => s.observation).map((s) => s.threshold.signal);
  // the chart starts on the signal under pressure (a DiskPressure node charts its disk, not its memory)
  const [chartSignal, setChartSignal] = useState<EvictionSignal | undefined>(undefined);
  const wanted = chartSignal ?? choice.signal;
  const chartOn = observed.includes(wanted) ? wanted : (observed[0] ?? 'memory.available');
  const rankable = [...new Set(statuses.map((s) => s.threshold.signal))];
  const chartThreshold = statuses.find((s) => s.threshold.signal === chartOn && s.threshold.hard)?.thresholdAmount;
  const conditionOf = (type: string) => conditions.find((c) => c.type === type);
  return (
    <div className="space-y-4">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Pressure transition period {transitionPeriod ?? '5m0s (default)'}: a condition stays True that long after the
        signal recovers.
        {maxPodGracePeriod !== undefined && ` Soft evictions give pods at most ${maxPodGracePeriod} s to stop.`}
      </p>
      {summaryError && (
        <p role="alert" className="text-xs font-medium text-amber-800 dark:text-amber-300">
          Live signals unavailable: {summaryError}
        </p>
      )}
      {problems.map((p) => (
        <p key={p} className="text-xs text-amber-800 dark:text-amber-300">
          ⚠ {p}
        </p>
      ))}
      <div className="overflow-x-auto">
        <Table density="tight" size="xs">
          <TableHeader tone="plain">
            <tr>
              <TableHead>Signal</TableHead>
              <TableHead>Threshold</TableHead>
              <TableHead>Resolved</TableHead>
              <TableHead>Live (available)</TableHead>
              <TableHead>Distance</TableHead>
              <TableHead>Condition</TableHead>
            </tr>
          </TableHeader>
          <TableBody>
            {statuses.map((s) => {
              const sig = s.threshold.signal;
              const cond = conditionOf(s.condition);
              return (
                <TableRow
                  key={`${sig}-${s.threshold.hard}`}
                  data-testid={`signal-${sig}-${s.threshold.hard ? 'hard' : 'soft'}`}
                  data-met={s.met === undefined ? 'unknown' : String(s.met)}
                  className="align-top"
                >
                  <TableCell className="font-mono">{sig}</TableCell>
                  <TableCell>
                    <Badge tone={s.threshold.hard ? 'danger' : 'warning'}>{s.threshold.hard ? 'hard' : 'soft'}</Badge>{' '}
                    <span className="font-mono">&lt; {describeThresholdValue(s.threshold.value)}</span>
                    {s.threshold.gracePeriodNs !== undefined && (
                      <div>grace {formatGoDuration(s.threshold.gracePeriodNs)}</div>
                    )}
                    {s.threshold.minReclaim && (
                      <div>
                        min reclaim {describeThresholdValue(s.threshold.minReclaim)}
                        {s.minReclaimAmount !== undefined && s.threshold.minReclaim.kind === 'percentage'
                          ? ` = ${fmtSignal(sig, s.minReclaimAmount)}`
                          : ''}
                      </div>
                    )}
                  </TableCell>
                  <TableCell className="tabular-nums">
                    {s.thresholdAmount !== undefined ? fmtSignal(sig, s.thresholdAmount) : '—'}
                    {s.observation && s.threshold.value.kind === 'percentage' && (
                      <div className="text-zinc-500">of {fmtSignal(sig, s.observation.capacity)}</div>
                    )}
                  </TableCell>
                  <TableCell className="tabular-nums" data-testid={`signal-live-${sig}`}>
                    {s.observation ? fmtSignal(sig, s.observation.available) : 'not reported'}
                  </TableCell>
                  <TableCell className="tabular-nums">
                    {s.distance === undefined ? (
                      '—'
                    ) : s.met ? (
                      <Badge tone="danger">below by {fmtSignal(sig, -s.distance)}</Badge>
                    ) : (
                      `${fmtSignal(sig, s.distance)} to go`
                    )}
                  </TableCell>
                  <TableCell>
                    {s.condition}{' '}
                    <Badge tone={cond?.status === 'True' ? 'danger' : 'neutral'}>
                      {cond?.status ?? 'not reported'}
                    </Badge>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {statuses.length === 0 && (
          <p className="text-xs text-zinc-500" data-testid="no-thresholds">
            No eviction thresholds: evictionHard and evictionSoft are empty, so the kubelet never evicts for node
            pressure; only the kernel&apos;s OOM killer acts when memory runs out.
          </p>
        )}
      </div>
      {observed.length > 0 && (
        <div className="space-y-1">
          <label className="text-xs">
            Chart{' '}
            <select
              value={chartOn}
              onChange={(e) => setChartSignal(e.target.value as EvictionSignal)}
              className="rounded px-1 ring-1 ring-zinc-300 dark:bg-zinc-900"
            >
              {[...new Set(observed)].map((sig) => (
                <option key={sig}>{sig}</option>
              ))}
            </select>
          </label>
          <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="history-source">
            {history.error
              ? `History unavailable (${history.error}): the chart starts with this page.`
              : history.fromServer > 0
                ? `${history.fromServer} samples kept by the dashboard's server before this page opened (last ${Math.round(history.windowMs / 60_000)} min at most, while the node list or this node's page was open), then this page's own.${history.fullResolutionMs < history.windowMs ? ` Samples older than ${Math.round(history.fullResolutionMs / 60_000)} min are one per minute: each signal's lowest amount in that minute.` : ''}`
                : "No samples from before this page opened: the dashboard's server keeps a node's last hour only while the node list or the node's page is open."}
          </p>
          <SignalChart
            samples={history.series[chartOn] ?? []}
            {...(chartThreshold !== undefined ? { threshold: Number(chartThreshold) } : {})}
            label={chartOn}
            format={(v) => fmtSignal(chartOn, BigInt(Math.round(v)))}
          />
        </div>
      )}
      <EvictionOrderTable
        order={order}
        choice={choice}
        signals={rankable.length ? rankable : [choice.signal]}
        onSignal={onRankSignal}
        {...(podsError ? { podsError } : {})}
      />
    </div>
  );
}

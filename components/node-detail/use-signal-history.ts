'use client';

import { useEffect, useMemo, useState } from 'react';
import type { Summary } from '@/lib/api/kubelet';
import { observeSignals } from '@/lib/domain/eviction-signals';
import type { EvictionSignal } from '@/lib/domain/eviction-thresholds';
import { useNodeHistory } from '@/lib/queries/node-history';
import type { SignalSample } from './signal-chart';

const MAX_LIVE_SAMPLES = 360; // one hour at the page's 10 s refresh

type SignalSeries = Partial<Record<EvictionSignal, SignalSample[]>>;

export interface SignalHistoryView {
  series: SignalSeries;
  /** samples the server kept from before the page opened */
  fromServer: number;
  /** how far back the server keeps history */
  windowMs: number;
  /** how far back the server's samples are as read; older ones are one per minute, each signal's lowest amount */
  fullResolutionMs: number;
  /** the history request failed: the chart starts with the page */
  error?: string;
}

/**
 * The node's signals over time: the last hour the server kept (GET /api/nodes/[name]/history, filled while the
 * fleet is watched), then one sample per Summary the page polls. Page samples older than the server's newest are
 * dropped, so a read the server also kept is never drawn twice.
 */
export function useSignalHistory(
  ctx: string | undefined,
  name: string,
  summary: Summary | undefined,
  summaryAt: number,
): SignalHistoryView {
  const server = useNodeHistory(ctx, name);
  const [live, setLive] = useState<SignalSeries>({});
  useEffect(() => {
    if (!summary || !summaryAt) return;
    const obs = observeSignals(summary);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- appending an external sample, once per refresh
    setLive((h) => {
      const next = { ...h };
      for (const o of obs) {
        const list = next[o.signal] ?? [];
        if (list[list.length - 1]?.t === summaryAt) continue;
        next[o.signal] = [...list, { t: summaryAt, available: Number(o.available) }].slice(-MAX_LIVE_SAMPLES);
      }
      return next;
    });
  }, [summary, summaryAt]);

  const samples = server.data?.samples;
  const error = server.error?.message;
  const windowMs = server.data?.windowMs ?? 60 * 60_000;
  const fullResolutionMs = server.data?.fullResolutionMs ?? windowMs;
  return useMemo(() => {
    const series: SignalSeries = {};
    let newest = -Infinity;
    for (const s of samples ?? []) {
      newest = Math.max(newest, s.t);
      for (const [signal, available] of Object.entries(s.available)) {
        (series[signal as EvictionSignal] ??= []).push({ t: s.t, available });
      }
    }
    for (const [signal, list] of Object.entries(live) as Array<[EvictionSignal, SignalSample[]]>) {
      const after = list.filter((s) => s.t > newest);
      if (after.length) series[signal] = [...(series[signal] ?? []), ...after];
    }
    return { series, fromServer: samples?.length ?? 0, windowMs, fullResolutionMs, ...(error ? { error } : {}) };
  }, [samples, live, error, windowMs, fullResolutionMs]);
}

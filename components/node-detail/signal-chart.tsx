'use client';

import { useEffect, useMemo, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** A sample of one signal: ms epoch and available amount (as a number: chart precision only). */
export interface SignalSample {
  t: number;
  available: number;
}

const HEIGHT = 220;

const clock = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * The signal over time (the server's last hour, then the page's own samples) with its hard threshold as a dashed
 * red line, drawn by uPlot: a canvas time-series chart (~50 kB) with time and value axes, a live legend on hover
 * and resize handling; loaded in the browser only. The figure's caption states in words what the chart shows,
 * for screen readers and for anyone who cannot see the canvas.
 */
export function SignalChart({
  samples,
  threshold,
  label,
  format,
}: {
  samples: readonly SignalSample[];
  threshold?: number;
  label: string;
  format: (v: number) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const formatRef = useRef(format);
  useEffect(() => {
    formatRef.current = format;
  }, [format]);

  // uPlot wants columns: x in seconds, then one array per series
  const data = useMemo((): uPlot.AlignedData => {
    const xs = samples.map((s) => s.t / 1000);
    const ys = samples.map((s) => s.available);
    return threshold === undefined ? [xs, ys] : [xs, ys, xs.map(() => threshold)];
  }, [samples, threshold]);
  const withThreshold = threshold !== undefined;

  // (re)built when the series set changes; new samples only call setData
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('uplot').then(({ default: UPlot }) => {
      if (disposed) return;
      const ink = getComputedStyle(el).color;
      const grid = 'rgba(127,127,127,0.18)';
      const fmt = (v: number | null) => (v === null ? '—' : formatRef.current(v));
      const opts: uPlot.Options = {
        width: Math.max(280, el.clientWidth),
        height: HEIGHT,
        scales: { x: { time: true }, y: { range: (_u, min, max) => [Math.min(0, min), max * 1.05 || 1] } },
        axes: [
          { stroke: ink, grid: { stroke: grid }, ticks: { stroke: grid } },
          {
            stroke: ink,
            grid: { stroke: grid },
            ticks: { stroke: grid },
            size: 72,
            label: 'available',
            values: (_u, splits) => splits.map((v) => formatRef.current(v)),
          },
        ],
        series: [
          { label: 'time', value: (_u, v) => (v === null ? '—' : new Date(v * 1000).toLocaleTimeString()) },
          { label: 'available', stroke: '#0284c7', width: 2, points: { size: 4 }, value: (_u, v) => fmt(v) },
          ...(withThreshold
            ? [
                {
                  label: 'hard threshold',
                  stroke: '#dc2626',
                  dash: [6, 4],
                  width: 1.5,
                  points: { show: false },
                  value: (_u: uPlot, v: number | null) => fmt(v),
                },
              ]
            : []),
        ],
        cursor: { drag: { x: false, y: false } },
      };
      plot.current = new UPlot(opts, data, el);
      observer = new ResizeObserver(() =>
        plot.current?.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }),
      );
      observer.observe(el);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      plot.current?.destroy();
      plot.current = undefined;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- data flows in through setData below
  }, [label, withThreshold]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  const first = samples[0];
  const last = samples[samples.length - 1];
  const span = first && last ? last.t - first.t : 0;
  const values = samples.map((s) => s.available);
  return (
    <figure
      className="space-y-1"
      data-testid="signal-chart"
      data-samples={samples.length}
      {...(first ? { 'data-first-sample': first.t } : {})}
    >
      <div
        ref={box}
        role="img"
        aria-label={`${label} over time`}
        className="w-full max-w-3xl text-zinc-600 dark:text-zinc-400"
      />
      <figcaption className="text-xs text-zinc-600 dark:text-zinc-400">
        {first && last ? (
          <>
            {label}: {format(last.available)} now, lowest {format(Math.min(...values))}, highest{' '}
            {format(Math.max(...values))}
            {threshold !== undefined ? `; hard threshold ${format(threshold)} (dashed red)` : ''} · {samples.length}{' '}
            sample{samples.length === 1 ? '' : 's'} from {clock(first.t)} to {clock(last.t)} (
            {Math.round(span / 60_000)} min)
          </>
        ) : (
          'No samples yet.'
        )}
      </figcaption>
    </figure>
  );
}

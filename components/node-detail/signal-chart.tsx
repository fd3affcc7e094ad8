/** A sample of one signal: ms epoch and available amount (as a number: chart precision only). */
export interface SignalSample {
  t: number;
  available: number;
}

/**
 * The live signal over the time the page has been open, with the threshold as a dashed line. Inline SVG: one
 * polyline does not need a chart library.
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
  const W = 480;
  const H = 96;
  if (samples.length === 0) return <p className="text-xs text-zinc-500">No samples yet.</p>;
  const values = samples.map((s) => s.available).concat(threshold ?? []);
  const max = Math.max(...values) * 1.05 || 1;
  const min = Math.min(0, ...values);
  const t0 = samples[0]!.t;
  const span = Math.max(1, samples[samples.length - 1]!.t - t0);
  const x = (t: number) => (samples.length === 1 ? W : ((t - t0) / span) * W);
  const y = (v: number) => H - ((v - min) / (max - min)) * H;
  const points = samples.map((s) => `${x(s.t).toFixed(1)},${y(s.available).toFixed(1)}`).join(' ');
  const last = samples[samples.length - 1]!;
  return (
    <figure className="space-y-1">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-24 w-full max-w-xl overflow-visible"
        role="img"
        aria-label={`${label} over time`}
        data-testid="signal-chart"
      >
        <rect x="0" y="0" width={W} height={H} className="fill-zinc-50 dark:fill-zinc-900" />
        {threshold !== undefined && (
          <line
            x1="0"
            x2={W}
            y1={y(threshold)}
            y2={y(threshold)}
            className="stroke-red-500"
            strokeDasharray="4 3"
            strokeWidth="1.5"
          />
        )}
        <polyline points={points} fill="none" className="stroke-sky-600" strokeWidth="2" />
        <circle cx={x(last.t)} cy={y(last.available)} r="3" className="fill-sky-600" />
      </svg>
      <figcaption className="text-xs text-zinc-500">
        {label}: {format(last.available)} now
        {threshold !== undefined ? `, threshold ${format(threshold)} (dashed)` : ''} · {samples.length} sample
        {samples.length === 1 ? '' : 's'} over {Math.round(span / 1000)} s
      </figcaption>
    </figure>
  );
}

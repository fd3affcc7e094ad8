import type { NodeCounts } from '@/lib/view/node-filters';
import { cn } from '@/lib/cn';
import { focusRing } from '@/components/ui/focus';
import { Icon, type IconName } from '@/components/ui/icons';

function Stat({
  value,
  label,
  tone,
  icon,
  pressed,
  onClick,
}: {
  value: number;
  label: string;
  tone: 'neutral' | 'danger' | 'warning' | 'muted';
  icon?: IconName;
  pressed?: boolean;
  onClick?: () => void;
}) {
  const hot = value > 0 && tone !== 'neutral';
  const className = cn(
    'inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1 text-sm',
    hot &&
      tone === 'danger' &&
      'border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200',
    hot &&
      tone === 'warning' &&
      'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200',
    hot &&
      tone === 'muted' &&
      'border-violet-300 bg-violet-50 text-violet-800 dark:border-violet-900 dark:bg-violet-950/50 dark:text-violet-200',
    !hot && 'border-zinc-200 text-zinc-700 dark:border-zinc-800 dark:text-zinc-300',
    pressed && 'ring-2 ring-sky-500',
  );
  const content = (
    <>
      {hot && icon && <Icon name={icon} />}
      <span className="font-semibold tabular-nums">{value}</span> {label}
    </>
  );
  if (!onClick) return <span className={className}>{content}</span>;
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(className, 'hover:brightness-95', focusRing)}
    >
      {content}
    </button>
  );
}

/** Fleet counts (over all nodes, not the filtered view); NotReady, pressure and cordoned toggle their filter. */
export function SummaryBar({
  counts,
  shown,
  notReadyActive,
  pressureActive,
  cordonedActive,
  onToggleNotReady,
  onTogglePressure,
  onToggleCordoned,
}: {
  counts: NodeCounts;
  shown: number;
  notReadyActive: boolean;
  pressureActive: boolean;
  cordonedActive: boolean;
  onToggleNotReady: () => void;
  onTogglePressure: () => void;
  onToggleCordoned: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Node counts" role="group">
      <Stat value={counts.total} label={counts.total === 1 ? 'node' : 'nodes'} tone="neutral" />
      <Stat
        value={counts.notReady}
        label="NotReady"
        tone="danger"
        icon="cross"
        pressed={notReadyActive}
        onClick={onToggleNotReady}
      />
      <Stat
        value={counts.underPressure}
        label="under pressure"
        tone="warning"
        icon="alert"
        pressed={pressureActive}
        onClick={onTogglePressure}
      />
      <Stat
        value={counts.cordoned}
        label="cordoned"
        tone="muted"
        icon="pause"
        pressed={cordonedActive}
        onClick={onToggleCordoned}
      />
      <span className="ml-auto text-sm text-zinc-600 dark:text-zinc-400" data-testid="shown-count">
        {shown === counts.total ? `Showing all ${counts.total}` : `Showing ${shown} of ${counts.total}`}
      </span>
    </div>
  );
}

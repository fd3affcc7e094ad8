import { describeError } from '@/lib/view/error-help';
import { Button } from './ui/button';
import { Icon } from './ui/icons';

/**
 * What failed, the server's own message, and what it takes to fix it (a permission, connectivity).
 * `what` names the resource read ("nodes"), for the RBAC sentence when the server sent no hint.
 */
export function ErrorPanel({
  error,
  what,
  title,
  onRetry,
}: {
  error: unknown;
  what: string;
  /** what the page was doing: "Could not list nodes" */
  title: string;
  onRetry?: () => void;
}) {
  const help = describeError(error, what);
  return (
    <section
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-5 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
    >
      <h2 className="flex items-center gap-2 text-base font-semibold">
        <Icon name="alert" className="size-5" />
        {title}: {help.title}
      </h2>
      <p className="mt-2 font-mono text-xs break-words">{help.message}</p>
      <p className="mt-3">
        <span className="font-semibold">Needs: </span>
        {help.needs}
      </p>
      <div className="mt-4 flex items-center gap-3">
        {onRetry && (
          <Button size="sm" onClick={onRetry}>
            <Icon name="refresh" />
            Try again
          </Button>
        )}
        {help.status && <span className="text-xs text-red-800/80 dark:text-red-200/70">{help.status}</span>}
      </div>
    </section>
  );
}

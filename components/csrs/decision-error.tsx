import { AppError } from '@/lib/app-error';

/** A failed decision, as the server (or the cluster through it) said it: 409 conflict, 403, 422 checks. */
export function DecisionError({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error instanceof AppError ? error : null;
  const title =
    e?.code === 409
      ? 'Conflict: nothing was written'
      : e?.code === 403
        ? 'Forbidden by the cluster'
        : e?.code === 404
          ? 'The CSR no longer exists'
          : e?.code === 422
            ? 'Refused'
            : 'The decision failed';
  return (
    <div
      role="alert"
      data-testid="csr-decision-error"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1 break-words">{e?.message ?? (error instanceof Error ? error.message : 'unknown error')}</p>
      {e?.hint && <p className="mt-1 text-red-900/80 dark:text-red-200/80">{e.hint}</p>}
    </div>
  );
}

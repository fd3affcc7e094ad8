/** How to fix a check: the KubeletConfiguration fragment for the config file, and the flag, side by side. */
export function RemediationView({ remediation }: { remediation: { config: string; flag: string; note?: string } }) {
  return (
    <div className="flex flex-col gap-2 text-xs" data-testid="remediation">
      <div className="grid gap-2 md:grid-cols-2">
        <div>
          <p className="mb-1 font-medium text-zinc-600 dark:text-zinc-400">Config file (--config)</p>
          {remediation.config ? (
            <pre className="overflow-x-auto rounded bg-zinc-50 p-2 font-mono dark:bg-zinc-900">
              {remediation.config}
            </pre>
          ) : (
            <p className="text-zinc-500">No KubeletConfiguration field for this.</p>
          )}
        </div>
        <div>
          <p className="mb-1 font-medium text-zinc-600 dark:text-zinc-400">Command-line flag</p>
          {remediation.flag ? (
            <pre className="overflow-x-auto rounded bg-zinc-50 p-2 font-mono break-all whitespace-pre-wrap dark:bg-zinc-900">
              {remediation.flag}
            </pre>
          ) : (
            <p className="text-zinc-500">No flag (the benchmark wants it in the config file).</p>
          )}
        </div>
      </div>
      {remediation.note && <p className="text-zinc-600 dark:text-zinc-400">{remediation.note}</p>}
    </div>
  );
}

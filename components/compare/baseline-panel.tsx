import type { BaselineWire } from '@/lib/api/compare';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

/** Variants with more differences than this start collapsed (a managed node against kubeadm's ConfigMap differs in dozens). */
const OPEN_UP_TO = 8;

const TITLES: Record<BaselineWire['kind'], string> = {
  configmap: 'Against the cluster ConfigMap',
  node: 'Against a picked node',
  defaults: 'Against upstream defaults',
};

/**
 * Every variant compared with the baseline: the keys that differ, both values, the flag that sets the key,
 * and (ConfigMap baseline) what usually causes such a difference.
 */
export function BaselinePanel({ baseline, labels }: { baseline: BaselineWire; labels: ReadonlyMap<string, string> }) {
  const drifted = baseline.results.filter((r) => r.differences.length > 0);
  const clean = baseline.results.filter((r) => r.differences.length === 0);
  return (
    <section aria-labelledby="baseline-title" className="flex flex-col gap-3">
      <h2 id="baseline-title" className="text-base font-semibold">
        {TITLES[baseline.kind]}: <span className="font-mono text-sm">{baseline.label}</span>
        {baseline.legacyName && (
          <Badge tone="info" className="ml-2 align-middle">
            legacy versioned name
          </Badge>
        )}
      </h2>
      {baseline.unavailable ? (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/40"
        >
          Baseline unavailable ({baseline.unavailable.reason}): {baseline.unavailable.message}
        </p>
      ) : (
        <>
          {clean.length > 0 && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Matches: {clean.flatMap((r) => r.nodes).join(', ')}
            </p>
          )}
          {drifted.map((r) => (
            <details
              key={r.variantId}
              data-variant={r.variantId}
              open={r.differences.length <= OPEN_UP_TO}
              className="group rounded-lg border border-zinc-200 dark:border-zinc-800"
            >
              <summary className="flex cursor-pointer flex-wrap items-baseline gap-2 border-b border-zinc-100 px-3 py-2 dark:border-zinc-800">
                <span className="font-semibold">{labels.get(r.variantId) ?? r.variantId.slice(0, 8)}</span>
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{r.nodes.join(', ')}</span>
                <span className="text-xs text-zinc-500">{r.versions.join(', ')}</span>
                <Badge tone="warning" className="ml-auto">
                  {r.differences.length} key{r.differences.length === 1 ? '' : 's'} differ
                </Badge>
              </summary>
              <Table density="normal" aria-label={`Differences for ${r.nodes.join(', ')}`}>
                <TableHeader tone="plain">
                  <tr>
                    <TableHead className="py-1">Key</TableHead>
                    <TableHead className="py-1">Baseline</TableHead>
                    <TableHead className="py-1">Node</TableHead>
                    <TableHead className="py-1">Set by flag</TableHead>
                    {baseline.kind === 'configmap' && <TableHead className="py-1">Usual cause</TableHead>}
                  </tr>
                </TableHeader>
                <TableBody>
                  {r.differences.map((d) => {
                    const key = d.path.join('.');
                    const [first, ...rest] = d.causes;
                    return (
                      <TableRow key={key} data-key={key} className="align-top">
                        <TableCell className="font-mono text-xs">{key}</TableCell>
                        <TableCell className="font-mono text-xs">
                          {d.expected ? d.expected.display : '—'}
                          {d.expected?.defaulted && (
                            <span className="ml-1 font-sans text-zinc-500 italic">default</span>
                          )}
                        </TableCell>
                        <TableCell className="font-mono text-xs">
                          {d.actual ? d.actual.display : '—'}
                          {d.actual?.defaulted && <span className="ml-1 font-sans text-zinc-500 italic">default</span>}
                        </TableCell>
                        <TableCell className="font-mono text-xs whitespace-nowrap">
                          {d.flag ?? <span className="font-sans text-zinc-500">config file only</span>}
                        </TableCell>
                        {baseline.kind === 'configmap' && (
                          <TableCell className="text-xs">
                            {first?.text}
                            {rest.length > 0 && (
                              <details className="mt-1 text-zinc-600 dark:text-zinc-400">
                                <summary className="cursor-pointer">other causes</summary>
                                <ul className="mt-1 list-disc pl-4">
                                  {rest.map((c) => (
                                    <li key={c.kind}>{c.text}</li>
                                  ))}
                                </ul>
                              </details>
                            )}
                          </TableCell>
                        )}
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </details>
          ))}
        </>
      )}
    </section>
  );
}

import { csrState, type CsrCondition } from './csr-approvers';

/** A CSR as one fresh LIST shows it: enough to tell whether a user could have reviewed it as pending. */
export interface ListedCsr {
  readonly name: string;
  readonly resourceVersion?: string;
  readonly conditions: readonly CsrCondition[];
}

export interface BulkItem {
  readonly name: string;
  /** the resourceVersion the preview showed */
  readonly resourceVersion?: string;
}

export type UnreviewedReason = 'not found' | 'not pending' | 'named twice';

/**
 * The names in a bulk approval that the user cannot have seen pending in the reviewed list, judged against one
 * fresh LIST: names the cluster does not have; names whose object is exactly the version that was reviewed and is
 * not Pending (so it was not pending when reviewed either); names given twice. They are refused together, before
 * any per-CSR read or audit line, so a request of 3,000 made-up names costs one LIST. A CSR that changed since the
 * review is not among them: its per-CSR re-read reports what changed (a 409), as for a single decision.
 */
export function unreviewedBulkNames(
  items: readonly BulkItem[],
  listed: readonly ListedCsr[],
): Array<{ name: string; reason: UnreviewedReason }> {
  const byName = new Map(listed.map((c) => [c.name, c]));
  const seen = new Set<string>();
  const refused: Array<{ name: string; reason: UnreviewedReason }> = [];
  for (const item of items) {
    const csr = byName.get(item.name);
    if (seen.has(item.name)) refused.push({ name: item.name, reason: 'named twice' });
    else if (!csr) refused.push({ name: item.name, reason: 'not found' });
    else if (csr.resourceVersion === item.resourceVersion && csrState([...csr.conditions], false).state !== 'Pending')
      refused.push({ name: item.name, reason: 'not pending' });
    seen.add(item.name);
  }
  return refused;
}

/** One sentence for the refusal: counts per reason and the first few names, never all 3,000. */
export function describeUnreviewed(
  refused: ReadonlyArray<{ name: string; reason: UnreviewedReason }>,
  requested: number,
): string {
  const counts = new Map<UnreviewedReason, number>();
  for (const r of refused) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => `${n.toLocaleString('en-US')} ${reason}`).join(', ');
  const sample = refused.slice(0, 5).map((r) => r.name);
  const more =
    refused.length > sample.length ? ` and ${(refused.length - sample.length).toLocaleString('en-US')} more` : '';
  return (
    `Bulk approval refused: ${refused.length.toLocaleString('en-US')} of ${requested.toLocaleString('en-US')} names ` +
    `are not pending CSRs from the reviewed list (${parts}: ${sample.join(', ')}${more}). Nothing was approved; ` +
    'reload the list and preview again.'
  );
}

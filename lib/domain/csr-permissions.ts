/** A permission answer with the reason shown next to a disabled button. */
export interface PermissionAnswer {
  allowed: boolean;
  reason: string;
}

/**
 * Whether the user may decide a CSR of `signer`: writing a decision needs `update certificatesigningrequests/approval`
 * and the approval admission plugin needs `approve` on `signers/<signer>` (Kubernetes docs, CSR "Authorization").
 * Both must allow; the first refusal is the reason given.
 */
export function mayDecide(
  perms: { updateApproval: PermissionAnswer; signers: Record<string, PermissionAnswer> },
  signer: string,
): PermissionAnswer {
  if (!perms.updateApproval.allowed) return perms.updateApproval;
  return perms.signers[signer] ?? { allowed: false, reason: `approval permission for ${signer} was not checked` };
}

/**
 * Why the Approve button of a row is disabled, or null when it may be used. Order: decided already, not allowed,
 * checks failing (kubelet signers only: other signers are approved after an explicit confirmation instead).
 */
export function approveBlocker(
  row: { state: string; family: string; allPassed: boolean; checksTotal: number; checksPassed: number },
  permission: PermissionAnswer,
): string | null {
  if (row.state !== 'Pending') return `Already ${row.state}.`;
  if (!permission.allowed) return `Not allowed: ${permission.reason}.`;
  if (row.family !== 'other' && !row.allPassed)
    return `${row.checksTotal - row.checksPassed} of ${row.checksTotal} safety checks fail: approval is refused.`;
  return null;
}

/** Why the Deny button is disabled, or null. Denying a hostile request is always allowed when permitted. */
export function denyBlocker(row: { state: string }, permission: PermissionAnswer): string | null {
  if (row.state !== 'Pending') return `Already ${row.state}.`;
  if (!permission.allowed) return `Not allowed: ${permission.reason}.`;
  return null;
}

/** "Approve all passing": what passes, what this user may approve of it, and why the button is disabled. */
export interface BulkApprovalPlan<R> {
  /** pending CSRs that pass every check (kubelet signers only), whoever looks */
  passing: R[];
  /** the passing ones this user may approve: exactly what a bulk approval sends */
  approvable: R[];
  /** pending CSRs left out of `passing` (a check fails, or the signer needs a per-CSR confirmation) */
  excluded: number;
  /** why the bulk button is disabled; null when it can be used */
  blocker: string | null;
}

/**
 * The bulk approval's numbers for the button and the preview. The count shown is always the number that pass, so
 * a read-only user sees "2 pass" and, beside the disabled button, why they cannot approve them.
 */
export function bulkApprovalPlan<R extends { state: string; bulkEligible: boolean; signerName: string }>(
  items: readonly R[],
  perms: { updateApproval: PermissionAnswer; signers: Record<string, PermissionAnswer> },
): BulkApprovalPlan<R> {
  const pending = items.filter((r) => r.state === 'Pending');
  const passing = pending.filter((r) => r.bulkEligible);
  const approvable = passing.filter((r) => mayDecide(perms, r.signerName).allowed);
  let blocker: string | null = null;
  if (passing.length === 0) blocker = 'No pending CSR passes every check.';
  else if (approvable.length === 0) {
    const refusal = passing.map((r) => mayDecide(perms, r.signerName)).find((p) => !p.allowed);
    blocker = `${passing.length} pass every check, but you may not approve them: ${refusal?.reason ?? 'not allowed'}.`;
  }
  return { passing, approvable, excluded: pending.length - passing.length, blocker };
}

/**
 * "Deny all failing": the pending CSRs that fail at least one safety check and this user may deny, and why the
 * button is disabled. Other signers' CSRs whose common checks pass are not "failing" and are never included.
 */
export function bulkDenyPlan<
  R extends { state: string; checksPassed: number; checksTotal: number; signerName: string },
>(
  items: readonly R[],
  perms: { updateApproval: PermissionAnswer; signers: Record<string, PermissionAnswer> },
): { failing: R[]; deniable: R[]; blocker: string | null } {
  const failing = items.filter((r) => r.state === 'Pending' && r.checksPassed < r.checksTotal);
  const deniable = failing.filter((r) => mayDecide(perms, r.signerName).allowed);
  let blocker: string | null = null;
  if (failing.length === 0) blocker = 'No pending CSR fails a check.';
  else if (deniable.length === 0) {
    const refusal = failing.map((r) => mayDecide(perms, r.signerName)).find((p) => !p.allowed);
    blocker = `${failing.length} fail a check, but you may not deny them: ${refusal?.reason ?? 'not allowed'}.`;
  }
  return { failing, deniable, blocker };
}

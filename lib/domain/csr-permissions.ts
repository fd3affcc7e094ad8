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

/**
 * The two CSR answers every page's header needs (pending-count badge, CSRF token for POSTs), apart from the
 * rest of the CSR wire contract. Plain types: the browser does not re-validate our own answers
 * (lib/queries/own-answer.ts), so every page loads no validator for them.
 */

/** GET /api/csrs/pending-count (lib/server/csr-review.ts pendingCsrCount builds it). */
export interface PendingCountResponse {
  context: string;
  /** CSRs with no Approved, Denied or Failed condition */
  pending: number;
  nodeCount: number;
  /** more pending CSRs than the node count explains (lib/domain/csr-approvers.ts pendingFlood) */
  flood: boolean;
}

/** GET /api/csrf. */
export interface CsrTokenResponse {
  token: string;
}

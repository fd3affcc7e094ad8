/**
 * CSR state, who decided it, the condition this dashboard writes, and the flood warning. Pure.
 */

export interface CsrCondition {
  type: string;
  status?: string;
  reason?: string;
  message?: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
}

export type CsrState = 'Pending' | 'Approved' | 'Denied' | 'Failed';

/** Condition reasons this dashboard writes; the message records who decided and from where. */
const DASHBOARD_APPROVE_REASON = 'KubeletDashboardApprove';
const DASHBOARD_DENY_REASON = 'KubeletDashboardDeny';

/**
 * Approved/Denied/Failed conditions count when their status is True. Objects written before status was required
 * may omit it; `kubectl get csr` treats those as set, and so do we.
 */
function isSet(c: CsrCondition): boolean {
  return c.status === undefined || c.status === '' || c.status === 'True';
}

/**
 * State as `kubectl get csr` reports it: Denied wins, then Failed (approved but the signer failed), then Approved;
 * otherwise Pending. `issued` is whether status.certificate is present (kubectl's ",Issued").
 * Conditions carry no order guarantee, so we test for presence rather than take the last one.
 */
export function csrState(
  conditions: CsrCondition[],
  hasCertificate: boolean,
): { state: CsrState; issued: boolean; label: string } {
  const has = (t: string) => conditions.some((c) => c.type === t && isSet(c));
  const state: CsrState = has('Denied')
    ? 'Denied'
    : has('Failed')
      ? 'Failed'
      : has('Approved')
        ? 'Approved'
        : 'Pending';
  const label =
    state === 'Failed'
      ? has('Approved')
        ? 'Approved,Failed'
        : 'Failed'
      : state === 'Approved' && hasCertificate
        ? 'Approved,Issued'
        : state;
  return { state, issued: hasCertificate, label };
}

type DeciderKind = 'kubectl' | 'csrapproving' | 'dashboard' | 'auto-approver' | 'unknown';

export interface Decider {
  kind: DeciderKind;
  /** human description, e.g. "kubectl certificate approve", "kube-controller-manager csrapproving controller" */
  label: string;
  /** identity recorded by this dashboard, when it decided */
  identity: string | null;
  decision: 'Approved' | 'Denied';
  reason: string;
  message: string;
  at: string | null;
}

/**
 * Who approved or denied a CSR, from the decision condition's reason and message:
 * - `KubectlApprove` / `KubectlDeny`: `kubectl certificate approve|deny` (kubectl sets these reasons);
 * - `AutoApproved` with "…after SubjectAccessReview.": kube-controller-manager's csrapproving controller
 *   (its messages for kubelet client certificates); `AutoApproved` otherwise: some other auto-approver
 *   (kubelet-csr-approver, kubelet-serving-cert-approver…), named by its message;
 * - `KubeletDashboardApprove` / `KubeletDashboardDeny`: this dashboard, with the identity in the message.
 * Returns null for an undecided CSR.
 */
export function identifyDecider(conditions: CsrCondition[]): Decider | null {
  const c = conditions.find((x) => (x.type === 'Denied' || x.type === 'Approved') && isSet(x));
  if (!c) return null;
  const reason = c.reason ?? '';
  const message = c.message ?? '';
  const base = {
    decision: c.type as 'Approved' | 'Denied',
    reason,
    message,
    at: c.lastUpdateTime ?? c.lastTransitionTime ?? null,
    identity: null,
  };
  if (reason === 'KubectlApprove' || reason === 'KubectlDeny')
    return {
      ...base,
      kind: 'kubectl',
      label: `kubectl certificate ${reason === 'KubectlApprove' ? 'approve' : 'deny'}`,
    };
  if (reason === DASHBOARD_APPROVE_REASON || reason === DASHBOARD_DENY_REASON) {
    const identity = /^(?:Approved|Denied) by (.+?) via kubelet-dashboard/.exec(message)?.[1] ?? null;
    return { ...base, kind: 'dashboard', label: 'kubelet-dashboard', identity };
  }
  if (reason === 'AutoApproved' && /after SubjectAccessReview\.?$/.test(message))
    return { ...base, kind: 'csrapproving', label: 'kube-controller-manager csrapproving controller' };
  if (reason === 'AutoApproved')
    return { ...base, kind: 'auto-approver', label: message ? `auto-approver: ${message}` : 'an auto-approver' };
  return { ...base, kind: 'unknown', label: reason ? `unknown approver (reason ${reason})` : 'unknown approver' };
}

/**
 * The condition this dashboard appends through the /approval subresource. The message records who decided,
 * from which kube context, and on what evidence, so `kubectl describe csr` tells the story on its own.
 */
export function decisionCondition(input: {
  decision: 'approve' | 'deny';
  identity: string;
  context: string;
  checksPassed: number;
  checksTotal: number;
  /** the reviewer's own words; required for a denial */
  note?: string;
  nowIso: string;
}): Required<Pick<CsrCondition, 'type' | 'status' | 'reason' | 'message' | 'lastUpdateTime' | 'lastTransitionTime'>> {
  const who = `${input.identity} via kubelet-dashboard (context ${input.context})`;
  const evidence = `${input.checksPassed}/${input.checksTotal} checks passed`;
  const note = input.note?.trim() ? `: ${input.note.trim()}` : '';
  return input.decision === 'approve'
    ? {
        type: 'Approved',
        status: 'True',
        reason: DASHBOARD_APPROVE_REASON,
        message: `Approved by ${who} after ${evidence}${note}`,
        lastUpdateTime: input.nowIso,
        lastTransitionTime: input.nowIso,
      }
    : {
        type: 'Denied',
        status: 'True',
        reason: DASHBOARD_DENY_REASON,
        message: `Denied by ${who} (${evidence})${note}`,
        lastUpdateTime: input.nowIso,
        lastTransitionTime: input.nowIso,
      };
}

/**
 * A flood of pending CSRs is itself a sign of trouble (a bootstrap token leaked, a kubelet looping, a signer down).
 * A kubelet's certificate manager keeps at most one client and one serving request outstanding, so more than
 * two pending per node is unusual; the floor of 10 keeps small clusters (and nodes joining) from tripping it.
 */
export function pendingFlood(
  pendingCount: number,
  nodeCount: number,
): { flood: boolean; threshold: number; message: string } {
  const threshold = Math.max(10, 2 * nodeCount);
  const flood = pendingCount > threshold;
  return {
    flood,
    threshold,
    message: flood
      ? `${pendingCount} CSRs are pending for ${nodeCount} nodes (more than ${threshold}). A flood of requests can mean a leaked bootstrap token or a looping kubelet: investigate before approving.`
      : `${pendingCount} pending for ${nodeCount} nodes`,
  };
}

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

type DeciderKind =
  | 'kubectl'
  | 'dashboard'
  | 'csrapproving'
  | 'eks'
  | 'gke'
  | 'kubelet-csr-approver'
  | 'kubelet-serving-cert-approver'
  | 'machine-approver'
  | 'unknown';

export interface Decider {
  kind: DeciderKind;
  /** who decided, e.g. "kubectl certificate approve", "EKS certificate controller (eks:certificate-controller)" */
  label: string;
  /** what in the CSR says so: the condition's reason/message, the signer, the field manager of the approval */
  evidence: string;
  /** identity recorded by this dashboard, when it decided */
  identity: string | null;
  decision: 'Approved' | 'Denied';
  reason: string;
  message: string;
  at: string | null;
}

/** What besides the condition can tell approvers apart. */
export interface DeciderContext {
  signerName?: string;
  /** metadata.managedFields[].manager of the entry written through the /approval subresource */
  approvalManager?: string;
}

const KUBELET_CLIENT = 'kubernetes.io/kube-apiserver-client-kubelet';
const KUBELET_SERVING = 'kubernetes.io/kubelet-serving';

interface KnownApprover {
  kind: Exclude<DeciderKind, 'kubectl' | 'dashboard' | 'unknown'>;
  label: string;
  /** the condition this approver writes */
  matches: (c: { reason: string; message: string }, ctx: DeciderContext) => boolean;
  source: string;
}

/**
 * Approvers recognised by the exact condition they write (reason and message are set by the approver, not by the
 * API server), each with the source the strings come from. Only exact matches count: a look-alike message from
 * another tool must not borrow a known name. kube-controller-manager approves kubelet *client* certificates only:
 * its serving-certificate recognizer was removed in v1.11 (kubernetes/kubernetes#62471).
 */
const KNOWN_APPROVERS: readonly KnownApprover[] = [
  {
    kind: 'csrapproving',
    label: 'kube-controller-manager csrapproving controller',
    // pkg/controller/certificates/approver/sarapprove.go recognizers (selfnodeclient, nodeclient)
    matches: (c, ctx) =>
      c.reason === 'AutoApproved' &&
      /^Auto approving (self )?kubelet client certificate after SubjectAccessReview\.$/.test(c.message) &&
      (ctx.signerName === undefined || ctx.signerName === KUBELET_CLIENT),
    source: 'kubernetes/kubernetes pkg/controller/certificates/approver/sarapprove.go',
  },
  {
    kind: 'eks',
    label: 'EKS certificate controller (eks:certificate-controller)',
    // EKS control-plane audit log: user eks:certificate-controller, field manager eks-certificates-controller
    matches: (c, ctx) =>
      c.reason === 'AutoApproved' &&
      c.message === 'Auto approving self kubelet server certificate after SubjectAccessReview.' &&
      (ctx.signerName === undefined || ctx.signerName === KUBELET_SERVING),
    source: 'EKS audit log of the approval (user eks:certificate-controller, manager eks-certificates-controller)',
  },
  {
    kind: 'gke',
    label: 'GKE gcp-controller-manager CSR approver',
    matches: (c) =>
      c.reason === 'AutoApproved' &&
      (c.message === 'Auto approving kubelet server certificate after SubjectAccessReview.' ||
        c.message === 'Auto approving kubelet client certificate with TPM attestation after SubjectAccessReview.'),
    source: 'kubernetes/cloud-provider-gcp cmd/gcp-controller-manager/csr_approver.go',
  },
  {
    kind: 'kubelet-csr-approver',
    label: 'kubelet-csr-approver (postfinance)',
    matches: (c) => c.reason === 'kubelet-serving cert validated' || c.reason === 'kubelet-serving cert denied',
    source: 'postfinance/kubelet-csr-approver internal/controller/csr_controller.go',
  },
  {
    kind: 'kubelet-serving-cert-approver',
    label: 'kubelet-serving-cert-approver (alex1989hu)',
    matches: (c) => c.reason === 'Approved by Kubelet Serving Certificate Approver',
    source: 'alex1989hu/kubelet-serving-cert-approver',
  },
  {
    kind: 'machine-approver',
    label: 'OpenShift cluster-machine-approver',
    matches: (c) => c.reason === 'NodeCSRApprove',
    source:
      'openshift/cluster-machine-approver (reason NodeCSRApprove, "This CSR was approved by the Node CSR Approver")',
  },
];

/** Field managers of the /approval write that name their approver outright. */
const KNOWN_MANAGERS: Readonly<Record<string, { kind: KnownApprover['kind']; label: string }>> = {
  'eks-certificates-controller': { kind: 'eks', label: 'EKS certificate controller (eks:certificate-controller)' },
  'kube-controller-manager': { kind: 'csrapproving', label: 'kube-controller-manager csrapproving controller' },
};

const quoted = (reason: string, message: string) =>
  `reason ${reason || '(none)'}${message ? `, message "${message}"` : ''}`;

/**
 * Who approved or denied a CSR, from the decision condition's reason and message (and, when given, the signer and
 * the field manager of the /approval write):
 * - `KubectlApprove` / `KubectlDeny`: `kubectl certificate approve|deny` (kubectl sets these reasons);
 * - `KubeletDashboardApprove` / `KubeletDashboardDeny`: this dashboard, with the identity in the message;
 * - the known approvers above, by the exact condition they write;
 * - anything else: "unknown approver", with the reason and message shown as the only evidence.
 * A kubelet *serving* CSR with kube-controller-manager's client message is not attributed to it (it never
 * approves serving certificates). Returns null for an undecided CSR.
 */
export function identifyDecider(conditions: CsrCondition[], ctx: DeciderContext = {}): Decider | null {
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
      evidence: `reason ${reason}, which kubectl certificate approve|deny writes`,
    };
  if (reason === DASHBOARD_APPROVE_REASON || reason === DASHBOARD_DENY_REASON) {
    const identity = /^(?:Approved|Denied) by (.+?) via kubelet-dashboard/.exec(message)?.[1] ?? null;
    return {
      ...base,
      kind: 'dashboard',
      label: 'kubelet-dashboard',
      identity,
      evidence: `reason ${reason}, which this dashboard writes`,
    };
  }
  const known = KNOWN_APPROVERS.find((a) => a.matches({ reason, message }, ctx));
  if (known)
    return {
      ...base,
      kind: known.kind,
      label: known.label,
      evidence: `${quoted(reason, message)}: the condition ${known.source} writes`,
    };
  const manager = ctx.approvalManager ? KNOWN_MANAGERS[ctx.approvalManager] : undefined;
  if (manager)
    return {
      ...base,
      kind: manager.kind,
      label: manager.label,
      evidence: `the approval was written by field manager ${ctx.approvalManager} (${quoted(reason, message)})`,
    };
  return {
    ...base,
    kind: 'unknown',
    label: 'unknown approver',
    evidence: `${quoted(reason, message)}${ctx.approvalManager ? `, written by field manager ${ctx.approvalManager}` : ''}: not the condition of any approver we know`,
  };
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

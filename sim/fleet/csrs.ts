import {
  base64,
  createCsrPem,
  invalidCsrPem,
  signCsr,
  type ClusterCa,
  type CsrContent,
  type KeyPair,
} from './csr-crypto';
import { DEMO_CSRS, DEMO_JOINING_NODE, DEMO_NODES } from './demo-layout';
import type { NodeModel } from './model';
import { rfc3339 } from './rng';
import type { KubeObject } from './types';

const SERVING = 'kubernetes.io/kubelet-serving';
const CLIENT = 'kubernetes.io/kube-apiserver-client-kubelet';
const NODE_GROUPS = ['system:nodes', 'system:authenticated'];
const BOOTSTRAP_GROUPS = [
  'system:bootstrappers',
  'system:bootstrappers:kubeadm:default-node-token',
  'system:authenticated',
];
const SERVING_USAGES = ['digital signature', 'server auth'];
const CLIENT_USAGES = ['digital signature', 'client auth'];

type Outcome =
  | { kind: 'pending' }
  | { kind: 'kubectl-approved' }
  | { kind: 'auto-approved' }
  /** approved by EKS's certificate controller, as its audit log shows (user eks:certificate-controller) */
  | { kind: 'eks-approved' }
  | { kind: 'denied' }
  | { kind: 'failed'; message: string };

export interface CsrSpecInput {
  name: string;
  signerName: string;
  username: string;
  groups: string[];
  usages: string[];
  subject: string;
  dns?: string[];
  ips?: string[];
  /** true: spec.request is not valid PKCS#10 */
  invalid?: boolean;
  expirationSeconds?: number;
  createdAt: Date;
  outcome: Outcome;
}

/** Conditions exactly as the approver that wrote them does (kubectl, csrapproving controller, csrsigning). */
function conditionsOf(outcome: Outcome, at: string): Array<Record<string, string>> {
  const c = (type: string, reason: string, message: string) => ({
    type,
    status: 'True',
    reason,
    message,
    lastUpdateTime: at,
    lastTransitionTime: at,
  });
  switch (outcome.kind) {
    case 'pending':
      return [];
    case 'kubectl-approved':
      return [c('Approved', 'KubectlApprove', 'This CSR was approved by kubectl certificate approve.')];
    case 'auto-approved':
      // sarapprove.go selfnodeclient recognizer: a node renewing its own client certificate
      return [
        c('Approved', 'AutoApproved', 'Auto approving self kubelet client certificate after SubjectAccessReview.'),
      ];
    case 'eks-approved':
      return [
        c('Approved', 'AutoApproved', 'Auto approving self kubelet server certificate after SubjectAccessReview.'),
      ];
    case 'denied':
      return [c('Denied', 'KubectlDeny', 'This CSR was denied by kubectl certificate deny.')];
    case 'failed':
      return [
        c('Approved', 'KubectlApprove', 'This CSR was approved by kubectl certificate approve.'),
        c('Failed', 'SignerValidationFailure', outcome.message),
      ];
  }
}

export interface CsrContext {
  ca: ClusterCa;
  /** a few kubelet keys, reused round-robin (key generation is the slow part at scale) */
  keys: KeyPair[];
  uid: () => string;
  serial: () => string;
}

export const csrContent = (input: CsrSpecInput): CsrContent => ({
  subject: input.subject,
  dns: input.dns,
  ips: input.ips,
});

/**
 * One certificates.k8s.io/v1 CertificateSigningRequest with a real request (and certificate when issued).
 * `pem` is a request built elsewhere (csr-pool.ts) for `csrContent(input)`. uid and serial are drawn before
 * the first await, so concurrent calls draw them in call order.
 */
export async function buildCsr(
  input: CsrSpecInput,
  ctx: CsrContext,
  keyIndex: number,
  pem?: string,
): Promise<KubeObject> {
  const issued =
    input.outcome.kind === 'kubectl-approved' ||
    input.outcome.kind === 'auto-approved' ||
    input.outcome.kind === 'eks-approved';
  const serial = issued ? ctx.serial() : '';
  const uid = ctx.uid();
  const key = ctx.keys[keyIndex % ctx.keys.length];
  if (!key) throw new RangeError('no kubelet keys');
  const request = input.invalid ? invalidCsrPem() : (pem ?? (await createCsrPem(csrContent(input), key)));
  const created = rfc3339(input.createdAt);
  const decidedAt = rfc3339(input.createdAt.getTime() + 2000);
  const certificate = issued
    ? base64(
        await signCsr(
          ctx.ca,
          request,
          input.usages,
          new Date(input.createdAt.getTime() + 2000),
          input.expirationSeconds ?? 365 * 86400,
          serial,
        ),
      )
    : undefined;
  const conditions = conditionsOf(input.outcome, decidedAt);
  return {
    apiVersion: 'certificates.k8s.io/v1',
    kind: 'CertificateSigningRequest',
    metadata: {
      name: input.name,
      generateName: 'csr-',
      uid,
      creationTimestamp: created,
      ...(input.outcome.kind === 'eks-approved'
        ? {
            // who wrote the approval, as the API server records it (EKS audit log: eks-certificates-controller)
            managedFields: [
              { manager: 'kubelet', operation: 'Update', apiVersion: 'certificates.k8s.io/v1', time: created },
              {
                manager: 'eks-certificates-controller',
                operation: 'Update',
                apiVersion: 'certificates.k8s.io/v1',
                time: decidedAt,
                subresource: 'approval',
              },
            ],
          }
        : {}),
    },
    spec: {
      ...(input.expirationSeconds ? { expirationSeconds: input.expirationSeconds } : {}),
      groups: input.groups,
      request: base64(request),
      signerName: input.signerName,
      usages: input.usages,
      username: input.username,
    },
    status: {
      ...(certificate ? { certificate } : {}),
      ...(conditions.length ? { conditions } : {}),
    },
  };
}

const nodeSubject = (node: string) => `CN=system:node:${node}, O=system:nodes`;

/** Serving CSR content from a node's status.addresses: DNS = hostname(s), IP = every IP address. */
function servingSans(m: NodeModel): { dns: string[]; ips: string[] } {
  const dns = [
    m.name,
    ...(m.internalDNS && m.internalDNS !== m.name ? [m.internalDNS] : []),
    ...(m.externalDNS ? [m.externalDNS] : []),
  ];
  const ips = [m.internalIP, ...(m.externalIP ? [m.externalIP] : [])];
  return { dns, ips };
}

export function servingCsr(
  name: string,
  m: NodeModel,
  createdAt: Date,
  outcome: Outcome = { kind: 'pending' },
): CsrSpecInput {
  return {
    name,
    signerName: SERVING,
    username: `system:node:${m.name}`,
    groups: NODE_GROUPS,
    usages: SERVING_USAGES,
    subject: nodeSubject(m.name),
    ...servingSans(m),
    createdAt,
    outcome,
  };
}

export function clientRenewalCsr(name: string, node: string, createdAt: Date): CsrSpecInput {
  return {
    name,
    signerName: CLIENT,
    username: `system:node:${node}`,
    groups: NODE_GROUPS,
    usages: CLIENT_USAGES,
    subject: nodeSubject(node),
    createdAt,
    outcome: { kind: 'pending' },
  };
}

/** Every entry of DEMO_CSRS with the content its comment promises. */
export function demoCsrInputs(nodes: ReadonlyMap<string, NodeModel>, now: Date): CsrSpecInput[] {
  const node = (n: string): NodeModel => {
    const m = nodes.get(n);
    if (!m) throw new RangeError(`demo CSR refers to unknown node ${n}`);
    return m;
  };
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60000);
  const w1 = node(DEMO_NODES.kubeadmClean[0]);
  const w3 = node(DEMO_NODES.driftMaxPods);
  const w4 = node(DEMO_NODES.driftEviction);
  const cp = node(DEMO_NODES.controlPlane);
  const w6 = node(DEMO_NODES.driftCgroupDriver);
  const bootstrap = { username: 'system:bootstrap:abcdef', groups: BOOTSTRAP_GROUPS };
  return [
    servingCsr(DEMO_CSRS.goodServing, w1, ago(3)),
    servingCsr(DEMO_CSRS.goodServing2, node(DEMO_NODES.ack[0]), ago(7)),
    {
      name: DEMO_CSRS.goodBootstrapClient,
      signerName: CLIENT,
      ...bootstrap,
      usages: CLIENT_USAGES,
      subject: nodeSubject(DEMO_JOINING_NODE),
      createdAt: ago(2),
      outcome: { kind: 'pending' },
    },
    clientRenewalCsr(DEMO_CSRS.goodClientRenewal, DEMO_NODES.memoryPressure, ago(11)),
    { ...servingCsr(DEMO_CSRS.hostileOtherNodeIp, w3, ago(14)), ips: [w3.internalIP, w1.internalIP] },
    {
      ...servingCsr(DEMO_CSRS.hostileOutsideDns, w4, ago(16)),
      dns: [w4.name, 'kubernetes.default.svc', 'api.attacker.example'],
    },
    // requested with k8s-worker-5's credentials, but names the control-plane node
    { ...servingCsr(DEMO_CSRS.hostileCnMismatch, cp, ago(19)), username: `system:node:${DEMO_NODES.oldKubelet}` },
    {
      ...servingCsr(DEMO_CSRS.hostileClientUsage, w6, ago(22)),
      usages: ['digital signature', 'server auth', 'client auth'],
    },
    { ...servingCsr(DEMO_CSRS.hostileInvalidRequest, node(DEMO_NODES.diskPressure), ago(25)), invalid: true },
    {
      name: DEMO_CSRS.otherSigner,
      signerName: 'example.com/mtls',
      username: 'jane.doe@acme.io',
      groups: ['platform-team', 'system:authenticated'],
      usages: ['digital signature', 'client auth'],
      subject: 'CN=payments-api, O=acme',
      dns: ['payments-api.payments.svc'],
      expirationSeconds: 86400,
      createdAt: ago(40),
      outcome: { kind: 'pending' },
    },
    servingCsr(DEMO_CSRS.approvedIssued, cp, ago(3 * 1440), { kind: 'kubectl-approved' }),
    {
      ...clientRenewalCsr(DEMO_CSRS.autoApproved, DEMO_NODES.diskPressure, ago(9 * 1440)),
      outcome: { kind: 'auto-approved' },
    },
    servingCsr(DEMO_CSRS.eksApproved, node(DEMO_NODES.eks[0]), ago(6 * 1440), { kind: 'eks-approved' }),
    {
      ...servingCsr(DEMO_CSRS.expiredIssued, w6, ago(40 * 1440), { kind: 'kubectl-approved' }),
      expirationSeconds: 30 * 86400,
    },
    // a bootstrap token asking to become a node that is registered already: re-join or impersonation
    {
      name: DEMO_CSRS.hostileBootstrapExisting,
      signerName: CLIENT,
      username: 'system:bootstrap:9f3k2q',
      groups: BOOTSTRAP_GROUPS,
      usages: CLIENT_USAGES,
      subject: nodeSubject(DEMO_NODES.memoryPressure),
      createdAt: ago(5),
      outcome: { kind: 'pending' },
    },
    {
      ...servingCsr(DEMO_CSRS.denied, w4, ago(2 * 1440), { kind: 'denied' }),
      dns: [w4.name, `${w4.name}.corp.example`],
    },
    // the kubelet could not determine its addresses yet: no SANs, which the kubelet-serving signer rejects
    {
      ...servingCsr(DEMO_CSRS.failed, w6, ago(1440), {
        kind: 'failed',
        message: 'DNS or IP subjectAltName is required',
      }),
      dns: [],
      ips: [],
      expirationSeconds: 604800,
    },
  ];
}

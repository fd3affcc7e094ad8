import { describe, expect, it } from 'vitest';
import eks from './fixtures/csrs/eks-serving-approved.json';
import { identifyDecider, type CsrCondition } from './csr-approvers';

const SERVING = 'kubernetes.io/kubelet-serving';
const CLIENT = 'kubernetes.io/kube-apiserver-client-kubelet';
const approved = (reason: string, message: string): CsrCondition[] => [
  { type: 'Approved', status: 'True', reason, message },
];

describe('identifyDecider: who approved, from what the approver wrote', () => {
  it('names EKS for the real EKS-approved serving CSR, not kube-controller-manager', () => {
    const manager = eks.metadata.managedFields.find((f) => f.subresource === 'approval')?.manager;
    const d = identifyDecider(eks.status.conditions, { signerName: eks.spec.signerName, approvalManager: manager });
    expect(d).toMatchObject({ kind: 'eks', label: 'EKS certificate controller (eks:certificate-controller)' });
    expect(d?.label).not.toContain('kube-controller-manager');
    expect(d?.evidence).toContain('Auto approving self kubelet server certificate');
  });
  it('names kube-controller-manager only for kubelet client certificates', () => {
    const selfClient = approved(
      'AutoApproved',
      'Auto approving self kubelet client certificate after SubjectAccessReview.',
    );
    expect(identifyDecider(selfClient, { signerName: CLIENT })?.kind).toBe('csrapproving');
    // a serving CSR carrying kube-controller-manager's client message: it never approves serving certificates
    expect(identifyDecider(selfClient, { signerName: SERVING })?.kind).toBe('unknown');
  });
  it('recognises GKE, kubelet-csr-approver, kubelet-serving-cert-approver and the OpenShift machine-approver', () => {
    expect(
      identifyDecider(approved('AutoApproved', 'Auto approving kubelet server certificate after SubjectAccessReview.'))
        ?.kind,
    ).toBe('gke');
    expect(
      identifyDecider(
        approved('kubelet-serving cert validated', 'CSR complied with kubelet-csr-approver validation process'),
      )?.kind,
    ).toBe('kubelet-csr-approver');
    expect(
      identifyDecider(
        approved(
          'Approved by Kubelet Serving Certificate Approver',
          'Auto approving Kubelet Serving Certificate after Subject Access Review.',
        ),
      )?.kind,
    ).toBe('kubelet-serving-cert-approver');
    expect(identifyDecider(approved('NodeCSRApprove', 'This CSR was approved by the Node CSR Approver'))?.kind).toBe(
      'machine-approver',
    );
  });
  it('says "unknown approver" with the reason and message for anything else', () => {
    const d = identifyDecider(approved('AutoApproved', 'This CSR was approved automatically by controller.'));
    expect(d).toMatchObject({ kind: 'unknown', label: 'unknown approver' });
    expect(d?.evidence).toContain('approved automatically by controller');
  });
  it('falls back to the field manager of the approval when the condition is not one we know', () => {
    const d = identifyDecider(approved('Custom', 'ok'), { approvalManager: 'eks-certificates-controller' });
    expect(d?.kind).toBe('eks');
    expect(d?.evidence).toContain('field manager eks-certificates-controller');
  });
});

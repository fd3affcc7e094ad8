import { describe, expect, it } from 'vitest';
import { csrState, decisionCondition, identifyDecider, pendingFlood } from './csr-approvers';

describe('csrState', () => {
  it('is Pending without conditions', () => {
    expect(csrState([], false)).toEqual({ state: 'Pending', issued: false, label: 'Pending' });
  });
  it('reports Approved,Issued like kubectl', () => {
    expect(csrState([{ type: 'Approved', status: 'True' }], true).label).toBe('Approved,Issued');
  });
  it('prefers Denied and Failed over Approved, whatever the order', () => {
    expect(
      csrState(
        [
          { type: 'Approved', status: 'True' },
          { type: 'Failed', status: 'True' },
        ],
        false,
      ),
    ).toMatchObject({ state: 'Failed', label: 'Approved,Failed' });
    expect(csrState([{ type: 'Denied', status: 'True' }], false).state).toBe('Denied');
  });
  it('ignores conditions whose status is False', () => {
    expect(csrState([{ type: 'Approved', status: 'False' }], false).state).toBe('Pending');
  });
});

describe('identifyDecider', () => {
  it('recognises kubectl', () => {
    expect(
      identifyDecider([
        {
          type: 'Approved',
          status: 'True',
          reason: 'KubectlApprove',
          message: 'This CSR was approved by kubectl certificate approve.',
        },
      ])?.kind,
    ).toBe('kubectl');
    expect(identifyDecider([{ type: 'Denied', status: 'True', reason: 'KubectlDeny' }])?.label).toBe(
      'kubectl certificate deny',
    );
  });
  it('recognises the csrapproving controller and other auto-approvers', () => {
    expect(
      identifyDecider([
        {
          type: 'Approved',
          reason: 'AutoApproved',
          message: 'Auto approving kubelet client certificate after SubjectAccessReview.',
        },
      ])?.kind,
    ).toBe('csrapproving');
    expect(
      identifyDecider([
        { type: 'Approved', reason: 'AutoApproved', message: 'Auto-approving CSR for kubelet serving certificate' },
      ])?.kind,
    ).toBe('unknown');
  });
  it('recognises this dashboard and the identity it recorded', () => {
    const c = decisionCondition({
      decision: 'approve',
      identity: 'kubernetes-admin',
      context: 'sim-admin',
      checksPassed: 14,
      checksTotal: 14,
      nowIso: '2026-01-01T00:00:00Z',
    });
    expect(c.message).toBe(
      'Approved by kubernetes-admin via kubelet-dashboard (context sim-admin) after 14/14 checks passed',
    );
    expect(identifyDecider([c])).toMatchObject({
      kind: 'dashboard',
      identity: 'kubernetes-admin',
      decision: 'Approved',
    });
  });
  it('records the reason of a denial', () => {
    const c = decisionCondition({
      decision: 'deny',
      identity: 'bob',
      context: 'prod',
      checksPassed: 12,
      checksTotal: 14,
      note: ' IP SAN of another node ',
      nowIso: '2026-01-01T00:00:00Z',
    });
    expect(c).toMatchObject({ type: 'Denied', reason: 'KubeletDashboardDeny' });
    expect(c.message).toContain(': IP SAN of another node');
  });
  it('is null for a pending CSR and unknown for unknown reasons', () => {
    expect(identifyDecider([])).toBeNull();
    expect(identifyDecider([{ type: 'Approved', reason: 'Manual' }])?.kind).toBe('unknown');
  });
});

describe('pendingFlood', () => {
  it('warns above two pending per node, with a floor of ten', () => {
    expect(pendingFlood(10, 1).flood).toBe(false);
    expect(pendingFlood(11, 1).flood).toBe(true);
    expect(pendingFlood(40, 20).flood).toBe(false);
    expect(pendingFlood(41, 20).flood).toBe(true);
    expect(pendingFlood(0, 0).flood).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { approveBlocker, bulkApprovalPlan, bulkDenyPlan, denyBlocker, mayDecide } from './csr-permissions';

const yes = { allowed: true, reason: 'ok' };
const no = (reason: string) => ({ allowed: false, reason });
const row = { state: 'Pending', family: 'kubelet-serving', allPassed: true, checksTotal: 14, checksPassed: 14 };

describe('mayDecide', () => {
  it('needs both the approval update and the signer approve', () => {
    expect(mayDecide({ updateApproval: yes, signers: { s: yes } }, 's').allowed).toBe(true);
    expect(mayDecide({ updateApproval: no('no update'), signers: { s: yes } }, 's').reason).toBe('no update');
    expect(mayDecide({ updateApproval: yes, signers: { s: no('no approve') } }, 's').reason).toBe('no approve');
    expect(mayDecide({ updateApproval: yes, signers: {} }, 's').allowed).toBe(false);
  });
});

describe('approveBlocker / denyBlocker', () => {
  it('allows a pending, passing CSR the user may decide', () => {
    expect(approveBlocker(row, yes)).toBeNull();
    expect(denyBlocker(row, yes)).toBeNull();
  });
  it('says why not', () => {
    expect(approveBlocker({ ...row, state: 'Approved' }, yes)).toBe('Already Approved.');
    expect(approveBlocker(row, no('sim-viewer may not update'))).toMatch(/Not allowed: sim-viewer/);
    expect(approveBlocker({ ...row, allPassed: false, checksPassed: 12 }, yes)).toMatch(/2 of 14/);
    expect(approveBlocker({ ...row, family: 'other', allPassed: false }, yes)).toBeNull();
    expect(denyBlocker({ state: 'Pending' }, no('x'))).toMatch(/Not allowed/);
  });
});

describe('bulkApprovalPlan', () => {
  const row = (
    name: string,
    bulkEligible: boolean,
    state = 'Pending',
    signerName = 'kubernetes.io/kubelet-serving',
  ) => ({
    name,
    state,
    bulkEligible,
    signerName,
  });
  const items = [row('a', true), row('b', true), row('c', false), row('d', true, 'Approved')];
  it('counts what passes even for a read-only user, and says why the button is disabled', () => {
    const plan = bulkApprovalPlan(items, {
      updateApproval: { allowed: false, reason: 'RBAC: cannot update certificatesigningrequests/approval' },
      signers: {},
    });
    expect(plan.passing.map((r) => r.name)).toEqual(['a', 'b']);
    expect(plan.approvable).toEqual([]);
    expect(plan.excluded).toBe(1);
    expect(plan.blocker).toBe(
      '2 pass every check, but you may not approve them: RBAC: cannot update certificatesigningrequests/approval.',
    );
  });
  it('sends exactly the passing CSRs an approver may approve', () => {
    const plan = bulkApprovalPlan(items, {
      updateApproval: { allowed: true, reason: '' },
      signers: { 'kubernetes.io/kubelet-serving': { allowed: true, reason: '' } },
    });
    expect(plan.approvable.map((r) => r.name)).toEqual(['a', 'b']);
    expect(plan.blocker).toBeNull();
  });
  it('says so when nothing passes', () => {
    expect(
      bulkApprovalPlan([row('c', false)], { updateApproval: { allowed: true, reason: '' }, signers: {} }).blocker,
    ).toBe('No pending CSR passes every check.');
  });
});

describe('bulkDenyPlan', () => {
  const row = (
    name: string,
    checksPassed: number,
    state = 'Pending',
    signerName = 'kubernetes.io/kubelet-serving',
  ) => ({
    name,
    state,
    checksPassed,
    checksTotal: 14,
    signerName,
  });
  const items = [row('ok', 14), row('bad', 12), row('bad-decided', 10, 'Denied'), row('other', 14, 'Pending', 'x/y')];
  it('takes only pending CSRs failing a check', () => {
    const plan = bulkDenyPlan(items, { updateApproval: yes, signers: { 'kubernetes.io/kubelet-serving': yes } });
    expect(plan.failing.map((r) => r.name)).toEqual(['bad']);
    expect(plan.deniable.map((r) => r.name)).toEqual(['bad']);
    expect(plan.blocker).toBeNull();
  });
  it('says why the button is disabled', () => {
    expect(bulkDenyPlan([row('ok', 14)], { updateApproval: yes, signers: {} }).blocker).toBe(
      'No pending CSR fails a check.',
    );
    expect(bulkDenyPlan(items, { updateApproval: no('no update'), signers: {} }).blocker).toBe(
      '1 fail a check, but you may not deny them: no update.',
    );
  });
});

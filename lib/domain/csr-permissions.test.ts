import { describe, expect, it } from 'vitest';
import { approveBlocker, denyBlocker, mayDecide } from './csr-permissions';

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

import { describe, expect, it } from 'vitest';
import { AppError, fromStatus, isStatus, queryMayRetry } from './app-error';
import { StatusSchema, toStatus } from './errors';

const status = {
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  reason: 'Forbidden',
  code: 403,
  message: 'nodes is forbidden',
  hint: 'needs nodes list',
};

describe('isStatus', () => {
  it('recognises what toStatus sends', () => {
    expect(isStatus(toStatus(new AppError('Forbidden', 403, 'no', 'ask for nodes/proxy get')))).toBe(true);
    expect(isStatus(toStatus(new Error('secret detail')))).toBe(true);
  });

  it('agrees with StatusSchema on valid, missing, mistyped and foreign bodies', () => {
    const { hint: _hint, ...withoutHint } = status;
    const bodies: unknown[] = [
      status,
      withoutHint,
      { ...status, extra: 'ignored' },
      { ...status, code: 403.5 },
      { ...status, code: '403' },
      { ...status, kind: 'Node' },
      { ...status, apiVersion: 'v2' },
      { ...status, status: 'Success' },
      { ...status, reason: 7 },
      { ...status, message: undefined },
      { ...status, hint: null },
      null,
      [],
      '<html>Bad gateway</html>',
      undefined,
    ];
    for (const body of bodies) expect([body, isStatus(body)]).toEqual([body, StatusSchema.safeParse(body).success]);
  });
});

describe('fromStatus', () => {
  it('rebuilds the error with its reason, code and hint', () => {
    const err = fromStatus({ ...status, kind: 'Status', apiVersion: 'v1', status: 'Failure' });
    expect(err).toBeInstanceOf(AppError);
    expect([err.reason, err.code, err.message, err.hint]).toEqual([
      'Forbidden',
      403,
      'nodes is forbidden',
      'needs nodes list',
    ]);
  });

  it('turns a reason it does not know into InternalError', () => {
    expect(fromStatus({ ...(status as ReturnType<typeof toStatus>), reason: 'Teapot' }).reason).toBe('InternalError');
  });
});

describe('queryMayRetry', () => {
  it('never retries what retrying cannot fix, and retries the rest', () => {
    expect(queryMayRetry(new AppError('Forbidden', 403, 'no'))).toBe(false);
    expect(queryMayRetry(new AppError('Invalid', 422, 'no'))).toBe(false);
    expect(queryMayRetry(new AppError('ServiceUnavailable', 503, 'later'))).toBe(true);
    expect(queryMayRetry(new TypeError('Failed to fetch'))).toBe(true);
  });
});

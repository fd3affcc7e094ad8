import { describe, expect, it } from 'vitest';
import { AppError, NotFoundError } from '@/lib/errors';
import { settle, unsettle } from './settle';

describe('settle / unsettle', () => {
  it('keeps a failure whole, the hint that names the permission included, and rethrows it as the same AppError', async () => {
    const forbidden = new AppError('Forbidden', 403, 'nodes "n1" is forbidden', 'Needs "get nodes/proxy".');
    const s = await settle(
      () => Promise.reject(forbidden),
      () => 7,
    );
    expect(s).toEqual({
      ok: false,
      reason: 'Forbidden',
      code: 403,
      message: 'nodes "n1" is forbidden',
      hint: 'Needs "get nodes/proxy".',
      at: 7,
    });
    expect(() => unsettle(s)).toThrow(
      expect.objectContaining({ reason: 'Forbidden', code: 403, hint: forbidden.hint }),
    );
  });

  it('never echoes an unknown error', async () => {
    const s = await settle(() => Promise.reject(new Error('secret internals')));
    expect(s).toMatchObject({ ok: false, reason: 'InternalError', code: 500, message: 'internal error' });
  });

  it('passes values through', async () => {
    expect(unsettle(await settle(async () => 42))).toBe(42);
    const missing = await settle(() => Promise.reject(new NotFoundError('Node', 'gone')));
    expect(() => unsettle(missing)).toThrow(AppError);
  });
});

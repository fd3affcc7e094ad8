import { afterEach, describe, expect, it, vi } from 'vitest';
import { POST as approve } from '@/app/api/csrs/[name]/approve/route';
import { POST as deny } from '@/app/api/csrs/[name]/deny/route';
import { POST as bulk } from '@/app/api/csrs/bulk-approve/route';
import { GET as issue } from '@/app/api/csrf/route';
import { log } from '@/lib/observability/log';
import { CSRF_COOKIE } from './csrf';

/**
 * The CSR mutation routes refuse before touching the cluster: cross-origin, missing or forged CSRF token,
 * and bodies that are not valid JSON or fail the schema. (They never reach getRequestKube in these cases.)
 */
const ORIGIN = 'http://127.0.0.1:3100';
const params = (name: string) => ({ params: Promise.resolve({ name }) });

async function token(): Promise<string> {
  const res = issue(new Request(`${ORIGIN}/api/csrf`));
  return ((await res.json()) as { token: string }).token;
}

function req(path: string, headers: Record<string, string>, body = '{}') {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('CSR mutation routes', () => {
  it('issue a token with its cookie', async () => {
    const res = issue(new Request(`${ORIGIN}/api/csrf`));
    expect(res.headers.get('set-cookie')).toMatch(new RegExp(`^${CSRF_COOKIE}=`));
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuse another origin with 403', async () => {
    const t = await token();
    const res = await approve(
      req('/api/csrs/csr-x/approve', {
        origin: 'https://evil.example',
        'x-csrf-token': t,
        cookie: `${CSRF_COOKIE}=${t}`,
      }),
      params('csr-x'),
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toMatch(/Cross-origin/);
  });

  it('refuse a missing or forged CSRF token with 403', async () => {
    expect((await deny(req('/api/csrs/csr-x/deny', { origin: ORIGIN }), params('csr-x'))).status).toBe(403);
    const t = await token();
    const forged = `${t.split('.')[0]}.AAAA`;
    expect(
      (
        await bulk(
          req('/api/csrs/bulk-approve', { origin: ORIGIN, 'x-csrf-token': forged, cookie: `${CSRF_COOKIE}=${forged}` }),
        )
      ).status,
    ).toBe(403);
  });

  it('refuse invalid JSON (400) and bodies the schema rejects (422)', async () => {
    const t = await token();
    const h = { origin: ORIGIN, 'x-csrf-token': t, cookie: `${CSRF_COOKIE}=${t}` };
    expect((await approve(req('/api/csrs/csr-x/approve', h, '{nope'), params('csr-x'))).status).toBe(400);
    expect((await approve(req('/api/csrs/csr-x/approve', h, '{}'), params('csr-x'))).status).toBe(422);
    expect(
      (
        await deny(
          req('/api/csrs/csr-x/deny', h, JSON.stringify({ resourceVersion: '5', reason: '' })),
          params('csr-x'),
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await approve(
          req('/api/csrs/..%2Fnodes/approve', h, JSON.stringify({ resourceVersion: '5' })),
          params('../nodes'),
        )
      ).status,
    ).toBe(422);
    expect((await bulk(req('/api/csrs/bulk-approve', h, JSON.stringify({ items: [] })))).status).toBe(422);
  });

  describe('log every refused decision attempt, without its body', () => {
    afterEach(() => vi.restoreAllMocks());

    it.each([
      [
        'a cross-origin approve',
        'approve',
        403,
        { origin: 'https://evil.example' },
        { resourceVersion: 'SECRET-BODY' },
      ],
      ['a deny without a reason', 'deny', 422, {}, { resourceVersion: '5', reason: '', note: 'SECRET-BODY' }],
      ['a bulk approve of nothing', 'bulk-approve', 422, {}, { items: [], extra: 'SECRET-BODY' }],
    ] as const)('%s', async (_label, action, code, headers, body) => {
      const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
      const t = await token();
      const h = { origin: ORIGIN, 'x-csrf-token': t, cookie: `${CSRF_COOKIE}=${t}`, ...headers };
      const path = action === 'bulk-approve' ? '/api/csrs/bulk-approve' : `/api/csrs/csr-x/${action}`;
      const request = req(path, h, JSON.stringify(body));
      const handler = { approve, deny, 'bulk-approve': (r: Request) => bulk(r) }[action];
      expect((await handler(request, params('csr-x'))).status).toBe(code);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]![0]).toMatchObject({ audit: 'csr-decision-refused', action, code, path });
      expect(JSON.stringify(warn.mock.calls)).not.toContain('SECRET-BODY');
    });
  });
});

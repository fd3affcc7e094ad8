import { afterEach, describe, expect, it } from 'vitest';
import { sessionCookie } from '@/lib/auth/session';
import { resetEnvForTests } from '@/lib/env';
import { cookieIsSecure, servedOverTls } from './request-protocol';

const csrfRoute = await import('@/app/api/csrf/route');

const req = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });
const trust = (on: boolean) => {
  process.env.KD_TRUST_FORWARDED_PROTO = String(on);
  resetEnvForTests();
};
afterEach(() => {
  delete process.env.KD_TRUST_FORWARDED_PROTO;
  resetEnvForTests();
});

describe('TLS behind a proxy', () => {
  it('counts X-Forwarded-Proto: https only from a proxy the operator declared', () => {
    const viaProxy = req('http://10.0.0.5:3000/', { host: 'dash.example.com', 'x-forwarded-proto': 'https' });
    trust(false);
    expect(servedOverTls(viaProxy)).toBe(false);
    trust(true);
    expect(servedOverTls(viaProxy)).toBe(true);
    expect(servedOverTls(req('http://10.0.0.5:3000/', { 'x-forwarded-proto': 'https, http' }))).toBe(true);
    expect(servedOverTls(req('http://10.0.0.5:3000/', { 'x-forwarded-proto': 'http' }))).toBe(false);
    expect(servedOverTls(req('http://10.0.0.5:3000/'))).toBe(false);
  });
});

describe('cookie flags', () => {
  it('Secure except on plain http to a loopback name', () => {
    expect(cookieIsSecure(req('http://127.0.0.1:3000/', { host: '127.0.0.1:3000' }))).toBe(false);
    expect(cookieIsSecure(req('http://localhost:3000/'))).toBe(false);
    expect(cookieIsSecure(req('http://[::1]:3000/'))).toBe(false);
    expect(cookieIsSecure(req('http://10.0.0.5:3000/', { host: 'dash.example.com' }))).toBe(true);
    trust(true);
    expect(cookieIsSecure(req('http://127.0.0.1:3000/', { 'x-forwarded-proto': 'https' }))).toBe(true);
  });

  it('kd_csrf (GET /api/csrf) is Secure exactly where kd_session is', async () => {
    const cases = [
      req('http://127.0.0.1:3000/api/csrf', { host: '127.0.0.1:3000' }),
      req('http://10.0.0.5:3000/api/csrf', { host: 'dash.example.com' }),
      req('http://10.0.0.5:3000/api/csrf', { host: 'dash.example.com', 'x-forwarded-proto': 'https' }),
    ];
    for (const r of cases) {
      const csrfCookie = (await csrfRoute.GET(r)).headers.get('set-cookie') ?? '';
      expect(csrfCookie).toMatch(/^kd_csrf=/);
      expect(csrfCookie.includes('; Secure')).toBe(sessionCookie('v', r, 60).includes('; Secure'));
    }
    expect(sessionCookie('v', cases[1]!, 60)).toBe(
      'kd_session=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure',
    );
  });
});

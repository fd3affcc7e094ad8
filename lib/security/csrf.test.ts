import { describe, expect, it } from 'vitest';
import { createCsrf, CSRF_COOKIE, CSRF_HEADER, CsrfError } from './csrf';
import { assertSameOrigin, CrossOriginError } from './same-origin';
import { resetEnvForTests } from '@/lib/env';
import { toStatus } from '@/lib/errors';

const a = createCsrf('a'.repeat(32));
const b = createCsrf('b'.repeat(32));

function post(headers: Record<string, string>) {
  return new Request('http://127.0.0.1:3100/api/csrs/x/approve', { method: 'POST', headers });
}
function withToken(token: string, cookieToken = token) {
  return post({ [CSRF_HEADER]: token, cookie: `other=1; ${CSRF_COOKIE}=${cookieToken}` });
}

describe('csrf', () => {
  it('issues a token with a strict, http-only cookie', () => {
    const { token, cookie } = a.issue(false);
    expect(cookie).toBe(`${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`);
    expect(a.issue(true).cookie).toContain('; Secure');
    expect(a.issue(false).token).not.toBe(token);
  });

  it('accepts a token echoed in header and cookie', () => {
    const { token } = a.issue(false);
    expect(() => a.verify(withToken(token))).not.toThrow();
  });

  it('refuses a missing header or cookie', () => {
    const { token } = a.issue(false);
    expect(() => a.verify(post({ cookie: `${CSRF_COOKIE}=${token}` }))).toThrow(CsrfError);
    expect(() => a.verify(post({ [CSRF_HEADER]: token }))).toThrow(/cookie/);
  });

  it('refuses a header that differs from the cookie', () => {
    expect(() => a.verify(withToken(a.issue(false).token, a.issue(false).token))).toThrow(/does not match/);
  });

  it('refuses a token signed with another secret (planted cookie)', () => {
    expect(() => a.verify(withToken(b.issue(false).token))).toThrow(/signature/);
  });

  it('refuses a forged or malformed token', () => {
    expect(() => a.verify(withToken('abc.def'))).toThrow(CsrfError);
    expect(() => a.verify(withToken('abc'))).toThrow(/Malformed/);
    expect(() => a.verify(withToken('a.b.c'))).toThrow(/Malformed/);
  });

  it('maps to a 403 Status', () => {
    expect(toStatus(new CsrfError('x'))).toMatchObject({ code: 403, reason: 'Forbidden' });
  });
});

describe('assertSameOrigin', () => {
  it('accepts our own origin', () => {
    expect(() => assertSameOrigin(post({ origin: 'http://127.0.0.1:3100' }))).not.toThrow();
  });

  it('compares Origin with the allowed hosts, never with the Host the request brought (DNS rebinding)', () => {
    const rebound = post({ origin: 'http://dash.local', host: 'dash.local' });
    expect(() => assertSameOrigin(rebound)).toThrow(/KD_ALLOWED_HOSTS/);
    process.env.KD_ALLOWED_HOSTS = 'dash.local';
    resetEnvForTests();
    try {
      expect(() => assertSameOrigin(rebound)).not.toThrow();
      expect(() => assertSameOrigin(post({ origin: 'http://other.local', host: 'dash.local' }))).toThrow(
        CrossOriginError,
      );
    } finally {
      delete process.env.KD_ALLOWED_HOSTS;
      resetEnvForTests();
    }
  });

  it('refuses another origin, and Origin null', () => {
    expect(() => assertSameOrigin(post({ origin: 'https://evil.example' }))).toThrow(CrossOriginError);
    expect(() => assertSameOrigin(post({ origin: 'null' }))).toThrow(CrossOriginError);
    expect(() => assertSameOrigin(post({ origin: 'https://127.0.0.1:3100' }))).toThrow(CrossOriginError);
  });

  it('falls back to Sec-Fetch-Site without Origin', () => {
    expect(() => assertSameOrigin(post({ 'sec-fetch-site': 'same-origin' }))).not.toThrow();
    expect(() => assertSameOrigin(post({ 'sec-fetch-site': 'cross-site' }))).toThrow(/cross-site/);
    expect(() => assertSameOrigin(post({}))).toThrow(/without Origin/);
  });
});

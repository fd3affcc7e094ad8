import { describe, expect, it } from 'vitest';
import { STATIC_SECURITY_HEADERS, contentSecurityPolicy } from './content-security-policy';

describe('contentSecurityPolicy', () => {
  it('allows scripts only with the request nonce, never inline or eval in production', () => {
    const csp = contentSecurityPolicy('abc123', false);
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(scriptSrc).not.toContain('unsafe-inline');
  });

  it('forbids framing and plugins', () => {
    const csp = contentSecurityPolicy('n', false);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('permits eval only for the dev server', () => {
    expect(contentSecurityPolicy('n', true)).toContain("'unsafe-eval'");
  });

  it('sets nosniff and a strict referrer policy on every response', () => {
    const byKey = Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]));
    expect(byKey['X-Content-Type-Options']).toBe('nosniff');
    expect(byKey['Referrer-Policy']).toBe('no-referrer');
  });
});

import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/lib/api/auth';
import { parseAuthConfig } from './config';
import { bearerToken } from './identity';
import { openSession, sealSession } from './session';

const SECRET = 'k'.repeat(40);
const now = new Date('2026-01-01T00:00:00Z');
const who = { token: 'tok-123', user: 'alice', groups: ['devs'], verifiedBy: 'SelfSubjectReview' as const };

describe('session cookie', () => {
  it('round-trips, and the sealed value does not contain the token', async () => {
    const sealed = await sealSession(who, SECRET, 3600, now);
    expect(sealed).not.toContain('tok-123');
    await expect(openSession(sealed, SECRET, now)).resolves.toMatchObject({
      token: 'tok-123',
      user: 'alice',
      groups: ['devs'],
    });
  });

  it('treats a tampered, foreign-key, expired or missing cookie as no session', async () => {
    const sealed = await sealSession(who, SECRET, 3600, now);
    const parts = sealed.split('.');
    parts[3] = `${parts[3]!.slice(0, -2)}AA`;
    await expect(openSession(parts.join('.'), SECRET, now)).resolves.toBeUndefined();
    await expect(openSession(sealed, 'x'.repeat(40), now)).resolves.toBeUndefined();
    await expect(openSession(sealed, SECRET, new Date(now.getTime() + 3601_000))).resolves.toBeUndefined();
    await expect(openSession(undefined, SECRET, now)).resolves.toBeUndefined();
    await expect(openSession('garbage', SECRET, now)).resolves.toBeUndefined();
  });
});

describe('auth settings', () => {
  it('defaults to local and requires a long secret in shared mode', () => {
    expect(parseAuthConfig({})).toMatchObject({ mode: 'local', sessionMaxAgeSeconds: 28800 });
    expect(() => parseAuthConfig({ KD_AUTH_MODE: 'shared' })).toThrow(/KD_SESSION_SECRET/);
    expect(() => parseAuthConfig({ KD_AUTH_MODE: 'bogus' })).toThrow(/Invalid auth settings/);
    expect(parseAuthConfig({ KD_AUTH_MODE: 'proxy-header' }).mode).toBe('proxy-header');
  });
});

describe('bearerToken', () => {
  it('reads RFC 6750 bearer tokens only', () => {
    expect(bearerToken('Bearer abc.def-ghi_~+/=')).toBe('abc.def-ghi_~+/=');
    expect(bearerToken('bearer abc')).toBe('abc');
    for (const h of [null, '', 'Basic abc', 'Bearer', 'Bearer a b', 'Bearer <script>', `Bearer ${'a'.repeat(9000)}`])
      expect(bearerToken(h)).toBeUndefined();
  });
});

describe('safeNextPath', () => {
  it('keeps same-site paths and refuses anything that could leave the site', () => {
    expect(safeNextPath('/nodes/k8s-worker-1?x=1')).toBe('/nodes/k8s-worker-1?x=1');
    for (const bad of [
      undefined,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/signin',
      '/api/nodes',
      'nodes',
      '/a\nb',
    ]) {
      expect(safeNextPath(bad)).toBe('/nodes');
    }
  });
});

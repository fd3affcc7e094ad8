import { describe, expect, it } from 'vitest';
import { clusterCookie, clusterCookieName, openClusterGrant, sealClusterGrant } from './cluster-cookie';
import { openSession, sealSession } from './session';

const SECRET = 'k'.repeat(40);
const now = new Date('2026-01-01T00:00:00Z');
const session = { id: 'session-id-0123456789', expiresAt: Math.floor(now.getTime() / 1000) + 3600 };
const grant = {
  cluster: 'arn:aws:eks:eu-west-1:123456789012:cluster/prod',
  server: 'https://prod.example:443',
  token: 'tok-for-prod',
  user: 'alice',
  groups: ['devs'],
  verifiedBy: 'SelfSubjectReview' as const,
};
const NAME = clusterCookieName(grant.cluster);

describe('cluster cookie', () => {
  it('round-trips for its session, expires with it, and the sealed value does not contain the token', async () => {
    const sealed = await sealClusterGrant(grant, session, SECRET, now);
    expect(sealed).not.toContain('tok-for-prod');
    await expect(openClusterGrant(NAME, sealed, session, SECRET, now)).resolves.toMatchObject({
      ...grant,
      addedAt: Math.floor(now.getTime() / 1000),
      expiresAt: session.expiresAt,
    });
    const after = new Date((session.expiresAt + 1) * 1000);
    await expect(openClusterGrant(NAME, sealed, session, SECRET, after)).resolves.toBeUndefined();
  });

  it('opens as nothing for another sign-in, under another cluster’s name, with another secret, or tampered', async () => {
    const sealed = await sealClusterGrant(grant, session, SECRET, now);
    await expect(openClusterGrant(NAME, sealed, { id: 'another-session-0123' }, SECRET, now)).resolves.toBeUndefined();
    await expect(openClusterGrant(clusterCookieName('dev'), sealed, session, SECRET, now)).resolves.toBeUndefined();
    await expect(openClusterGrant(NAME, sealed, session, 'x'.repeat(40), now)).resolves.toBeUndefined();
    const parts = sealed.split('.');
    parts[3] = `${parts[3]!.slice(0, -2)}AA`;
    await expect(openClusterGrant(NAME, parts.join('.'), session, SECRET, now)).resolves.toBeUndefined();
    await expect(openClusterGrant(NAME, undefined, session, SECRET, now)).resolves.toBeUndefined();
  });

  it('uses a key of its own: a session cookie is no cluster cookie, nor the other way round', async () => {
    const sessionValue = await sealSession(
      { token: 't', user: 'u', groups: [], verifiedBy: 'SelfSubjectReview' },
      SECRET,
      3600,
      now,
    );
    await expect(openClusterGrant(NAME, sessionValue, session, SECRET, now)).resolves.toBeUndefined();
    const sealed = await sealClusterGrant(grant, session, SECRET, now);
    await expect(openSession(sealed, SECRET, now)).resolves.toBeUndefined();
  });

  it('names cookies by a hash (cluster names may hold : and /) and sets them HttpOnly, SameSite=Strict, until the session ends', () => {
    expect(NAME).toMatch(/^kd_cluster_[0-9a-f]{20}$/);
    expect(clusterCookieName('dev')).not.toBe(NAME);
    const req = new Request('http://127.0.0.1:3000/api/session/clusters');
    expect(clusterCookie(grant.cluster, 'v', req, session.expiresAt, now)).toBe(
      `${NAME}=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600`,
    );
  });
});

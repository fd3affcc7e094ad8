/**
 * Shared mode's added clusters through the real route handlers, against two simulated clusters: the dashboard's
 * own (home) and another the operator lists in KD_SHARED_CLUSTERS_FILE. Two users' cookie jars take turns, as two
 * browsers would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiException } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionClustersResponseSchema } from '@/lib/api/session-clusters';
import { resetAuthConfigForTests } from '@/lib/auth/config';
import { resetEnvForTests } from '@/lib/env';
import { StatusSchema } from '@/lib/errors';
import { resetKubeCacheForTests } from '@/lib/k8s/client';
import { toKubeError } from '@/lib/k8s/errors';
import { resetSharedClustersForTests } from '@/lib/k8s/shared-clusters';
import { log } from '@/lib/observability/log';
import { csrf } from '@/lib/security/csrf';
import { startSim, type SimHandle } from '@/sim/server/start';

let jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  }),
  headers: async () => new Headers(),
}));

const route = await import('./route');
const signinRoute = await import('../../auth/signin/route');
const signoutRoute = await import('../../auth/signout/route');
const clustersRoute = await import('../../clusters/route');
const contextsRoute = await import('../../contexts/route');
const currentRoute = await import('../../contexts/current/route');
const { errorResponse } = await import('../../respond');

const ORIGIN = 'http://127.0.0.1:3300';
const { token: csrfToken } = csrf.issue(false);
let home: SimHandle;
let other: SimHandle;
let dir: string;

function send(method: 'POST' | 'DELETE', url: string, body: unknown, opts: { csrf?: boolean; origin?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', host: '127.0.0.1:3300' };
  headers.origin = opts.origin ?? ORIGIN;
  if (opts.csrf !== false) {
    headers['x-csrf-token'] = csrfToken;
    headers.cookie = `kd_csrf=${csrfToken}`;
  }
  return new Request(new URL(url, ORIGIN), { method, headers, body: JSON.stringify(body) });
}

/** Applies a response's Set-Cookie lines to the current jar, as a browser does. */
function keep(res: Response): Response {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    const name = pair!.slice(0, at);
    const value = pair!.slice(at + 1);
    if (/Max-Age=0/.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return res;
}

const signIn = async (token: string) => keep(await signinRoute.POST(send('POST', '/api/auth/signin', { token })));
const add = async (cluster: string, token: string) =>
  keep(await route.POST(send('POST', '/api/session/clusters', { cluster, token })));
const listed = async () => SessionClustersResponseSchema.parse(await (await route.GET()).json());
const overviewStatus = async (contexts: string) =>
  (
    await clustersRoute.GET(
      Object.assign(new Request(`${ORIGIN}/api/clusters?contexts=${contexts}`), {
        nextUrl: new URL(`${ORIGIN}/api/clusters?contexts=${contexts}`),
      }) as never,
    )
  ).status;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-session-clusters-'));
  [home, other] = await Promise.all([
    startSim({ scenario: 'demo', port: 0, tickMs: 0, kubeconfigPath: path.join(dir, 'kubeconfig') }),
    startSim({ scenario: 'demo', port: 0, tickMs: 0 }),
  ]);
  const b64 = (pem: string) => Buffer.from(pem).toString('base64');
  fs.writeFileSync(
    path.join(dir, 'clusters.yaml'),
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        { name: 'other', cluster: { server: other.url, 'certificate-authority-data': b64(other.caPem) } },
        { name: 'home-again', cluster: { server: home.url, 'certificate-authority-data': b64(home.caPem) } },
        // the same cluster under more names: enough to fill a session
        ...[2, 3, 4, 5].map((i) => ({
          name: `other-${i}`,
          cluster: { server: other.url, 'certificate-authority-data': b64(other.caPem) },
        })),
      ],
    }),
  );
  process.env.KUBECONFIG = home.kubeconfigPath;
  process.env.KD_AUTH_MODE = 'shared';
  process.env.KD_SESSION_SECRET = 's'.repeat(48);
  process.env.KD_SHARED_CLUSTERS_FILE = path.join(dir, 'clusters.yaml');
  resetEnvForTests();
  resetAuthConfigForTests();
  resetKubeCacheForTests();
  resetSharedClustersForTests();
  vi.spyOn(log, 'info').mockImplementation(() => undefined);
});
afterAll(async () => {
  for (const k of ['KUBECONFIG', 'KD_AUTH_MODE', 'KD_SESSION_SECRET', 'KD_SHARED_CLUSTERS_FILE']) delete process.env[k];
  resetEnvForTests();
  resetAuthConfigForTests();
  resetKubeCacheForTests();
  resetSharedClustersForTests();
  vi.restoreAllMocks();
  await Promise.all([home?.close(), other?.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  jar = new Map();
});

describe('adding a cluster to a shared-mode session', () => {
  it('offers only the listed clusters, not the dashboard’s own', async () => {
    await signIn(home.tokens.admin);
    const list = await listed();
    expect(list).toMatchObject({ enabled: true, added: [], maxClusters: 4 });
    expect(list.available).toContainEqual({ name: 'other', server: other.url });
    expect(list.available.map((c) => c.name)).toEqual(['other', 'other-2', 'other-3', 'other-4', 'other-5']);
  });

  it('keeps a token the cluster accepts, for this user only, and never answers it', async () => {
    await signIn(home.tokens.admin);
    const res = await add('other', other.tokens.viewer);
    expect(res.status).toBe(200);
    const text = await res.clone().text();
    expect(text).not.toContain(other.tokens.viewer);
    expect(res.headers.get('set-cookie')).toMatch(
      /^kd_cluster_[0-9a-f]{20}=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
    expect(res.headers.get('set-cookie')).not.toContain(other.tokens.viewer);
    expect(SessionClustersResponseSchema.parse(JSON.parse(text)).added).toMatchObject([
      { name: 'other', user: 'sim-viewer', verifiedBy: 'SelfSubjectReview' },
    ]);
    const contexts = await (await contextsRoute.GET()).json();
    expect(contexts.contexts.map((c: { name: string }) => c.name)).toEqual(['sim-admin', 'other']);
    expect(await overviewStatus('sim-admin,other')).toBe(200);
    expect((await currentRoute.POST(send('POST', '/api/contexts/current', { name: 'other' }))).status).toBe(200);
    const userA = jar;

    // user B: signed in on the same server, never added anything
    jar = new Map();
    await signIn(home.tokens.viewer);
    expect((await listed()).added).toEqual([]);
    expect(await overviewStatus('other')).toBe(422);
    expect((await currentRoute.POST(send('POST', '/api/contexts/current', { name: 'other' }))).status).toBe(422);
    // A's cluster cookie in B's jar opens as nothing: it is bound to A's sign-in
    for (const [name, value] of userA) if (name.startsWith('kd_cluster_')) jar.set(name, value);
    expect((await listed()).added).toEqual([]);
    expect(await overviewStatus('other')).toBe(422);
  });

  it('refuses a token the cluster rejects, a cluster not listed, and a session already full', async () => {
    await signIn(home.tokens.admin);
    const wrong = await add('other', home.tokens.admin);
    expect(wrong.status).toBe(422);
    expect(StatusSchema.parse(await wrong.json()).message).toBe(
      'other rejected this token: it is invalid, has expired, or belongs to another cluster.',
    );
    expect(wrong.headers.get('set-cookie')).toBeNull();
    for (const name of ['home-again', 'sim-admin', 'nope']) {
      const res = await add(name, other.tokens.admin);
      expect(res.status).toBe(422);
      expect(StatusSchema.parse(await res.json()).message).toContain('is not a cluster this dashboard lets you add');
    }
    // a full session: four added, the fifth refused until one is removed
    for (const name of ['other', 'other-2', 'other-3', 'other-4'])
      expect((await add(name, other.tokens.admin)).status).toBe(200);
    const full = await add('other-5', other.tokens.admin);
    expect(full.status).toBe(422);
    expect(StatusSchema.parse(await full.json()).message).toBe(
      'Your session already holds 4 added clusters, the most it can keep.',
    );
    keep(await route.DELETE(send('DELETE', '/api/session/clusters', { cluster: 'other-4' })));
    expect((await add('other-5', other.tokens.admin)).status).toBe(200);
    expect((await listed()).added.map((c) => c.name).sort()).toEqual(['other', 'other-2', 'other-3', 'other-5']);
    jar = new Map();
    await signIn(home.tokens.admin);

    // hostile names never reach the allowlist lookup: the body schema refuses them
    for (const name of ['<script>', '../../x', 'a b', '', 'x'.repeat(300)]) {
      const res = await add(name, other.tokens.admin);
      expect(res.status, name).toBe(422);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect((await listed()).added).toEqual([]);
  });

  it('applies the mutation gate: no CSRF pair or another origin is a 403 and sets nothing', async () => {
    await signIn(home.tokens.admin);
    for (const opts of [{ csrf: false }, { origin: 'https://evil.example' }]) {
      const res = await route.POST(
        send('POST', '/api/session/clusters', { cluster: 'other', token: other.tokens.admin }, opts),
      );
      expect(res.status).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect((await route.DELETE(send('DELETE', '/api/session/clusters', { cluster: 'other' }, opts))).status).toBe(
        403,
      );
    }
  });

  it('without a session: 401 SignInRequired', async () => {
    const res = await add('other', other.tokens.admin);
    expect(StatusSchema.parse(await res.json())).toMatchObject({ code: 401, reason: 'SignInRequired' });
  });

  it('removes a cluster, and sign-out and a new sign-in clear every added cluster', async () => {
    await signIn(home.tokens.admin);
    await add('other', other.tokens.admin);
    keep(await route.DELETE(send('DELETE', '/api/session/clusters', { cluster: 'other' })));
    expect((await listed()).added).toEqual([]);
    expect(await overviewStatus('other')).toBe(422);

    await add('other', other.tokens.admin);
    keep(await signoutRoute.POST(send('POST', '/api/auth/signout', {})));
    expect([...jar.keys()].filter((k) => k.startsWith('kd_'))).toEqual([]);

    await signIn(home.tokens.admin);
    await add('other', other.tokens.admin);
    const again = await signIn(home.tokens.admin);
    expect(again.headers.getSetCookie().some((l) => /^kd_cluster_\w+=; .*Max-Age=0/.test(l))).toBe(true);
    expect((await listed()).added).toEqual([]);
  });

  it('a 401 from an added cluster is that cluster’s, not the sign-in’s: the session is kept', async () => {
    const target = { kind: 'api', verb: 'list', resource: 'nodes' } as const;
    const fromOther = errorResponse(toKubeError(new ApiException(401, 'Unauthorized', '', {}), target, other.url));
    expect(fromOther.headers.get('set-cookie')).toBeNull();
    expect(StatusSchema.parse(await fromOther.json())).toMatchObject({ code: 401, reason: 'Unauthorized' });
    const fromHome = errorResponse(toKubeError(new ApiException(401, 'Unauthorized', '', {}), target, home.url));
    expect(fromHome.headers.get('set-cookie')).toMatch(/^kd_session=;/);
    expect(StatusSchema.parse(await fromHome.json())).toMatchObject({ code: 401, reason: 'SignInRequired' });
  });
});

/**
 * Route-level security table: hostile names, cross-origin and CSRF-less mutations, RBAC refusals, oversized and
 * malformed kubelet bodies, and the shared/proxy-header auth modes — each answered with a clear Status and
 * changing nothing. Runs the real route handlers against the simulated cluster.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NodeListResponseSchema } from '@/lib/api/nodes';
import { decodeNodeList } from '@/lib/api/nodes-wire';
import { resetAuthConfigForTests } from '@/lib/auth/config';
import { sealSession, SESSION_COOKIE } from '@/lib/auth/session';
import { resetEnvForTests } from '@/lib/env';
import { StatusSchema } from '@/lib/errors';
import { getKube, resetKubeCacheForTests } from '@/lib/k8s/client';
import { getCsrWire } from '@/lib/k8s/csrs';
import { log } from '@/lib/observability/log';
import { csrf } from '@/lib/security/csrf';
import { DEMO_CSRS, DEMO_NODES } from '@/sim/fleet/demo-layout';
import { startSim, type SimHandle } from '@/sim/server/start';

const jar = new Map<string, string>();
let requestHeaders = new Headers();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  }),
  headers: async () => requestHeaders,
}));

const nodeRoute = await import('./nodes/[name]/route');
const configzRoute = await import('./nodes/[name]/configz/route');
const summaryRoute = await import('./nodes/[name]/summary/route');
const metricsRoute = await import('./nodes/[name]/metrics/route');
const podsRoute = await import('./nodes/[name]/pods/route');
const explainRoute = await import('./nodes/[name]/explain/route');
const csrRoute = await import('./csrs/[name]/route');
const approveRoute = await import('./csrs/[name]/approve/route');
const denyRoute = await import('./csrs/[name]/deny/route');
const bulkRoute = await import('./csrs/bulk-approve/route');
const contextRoute = await import('./contexts/current/route');
const signinRoute = await import('./auth/signin/route');
const signoutRoute = await import('./auth/signout/route');
const nodesRoute = await import('./nodes/route');

const SECRET = 's'.repeat(48);
const ORIGIN = 'http://127.0.0.1:3300';
let sim: SimHandle;
let dir: string;

function setMode(mode: 'local' | 'shared' | 'proxy-header') {
  process.env.KD_AUTH_MODE = mode;
  process.env.KD_SESSION_SECRET = SECRET;
  resetAuthConfigForTests();
}

beforeAll(async () => {
  delete process.env.PORT; // the allowlist takes the listening port from PORT; these requests say 127.0.0.1:3300
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-security-'));
  sim = await startSim({ scenario: 'demo', port: 0, tickMs: 0, kubeconfigPath: path.join(dir, 'kubeconfig') });
  process.env.KUBECONFIG = sim.kubeconfigPath;
  resetEnvForTests();
  resetKubeCacheForTests();
  vi.spyOn(log, 'info').mockImplementation(() => undefined);
});
afterAll(async () => {
  for (const k of ['KUBECONFIG', 'KD_AUTH_MODE', 'KD_SESSION_SECRET', 'KD_MAX_BODY_BYTES']) delete process.env[k];
  resetEnvForTests();
  resetAuthConfigForTests();
  resetKubeCacheForTests();
  vi.restoreAllMocks();
  await sim?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  jar.clear();
  requestHeaders = new Headers();
  setMode('local');
});

const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const get = (url: string) => new Request(new URL(url, ORIGIN));
const { token: csrfToken } = csrf.issue(false);
const forged = `${csrfToken.split('.')[0]}.${'A'.repeat(43)}`;

/** A POST as a browser on our own page sends it, with the CSRF pair, unless told otherwise. */
function post(
  url: string,
  body: unknown,
  opts: { origin?: string | null; csrf?: 'valid' | 'missing' | 'forged'; cookie?: string; host?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json', host: opts.host ?? '127.0.0.1:3300' };
  if (opts.origin !== null) headers.origin = opts.origin ?? ORIGIN;
  const mode = opts.csrf ?? 'valid';
  const cookies = [opts.cookie];
  if (mode !== 'missing') {
    const t = mode === 'forged' ? forged : csrfToken;
    headers['x-csrf-token'] = t;
    cookies.push(`kd_csrf=${t}`);
  }
  const cookie = cookies.filter(Boolean).join('; ');
  if (cookie) headers.cookie = cookie;
  return new Request(new URL(url, ORIGIN), { method: 'POST', headers, body: JSON.stringify(body) });
}

async function status(res: Response) {
  const s = StatusSchema.parse(await res.json());
  expect(s.code).toBe(res.status);
  return s;
}

const adminKube = () => getKube({ context: 'sim-admin' });
const csrVersion = async (name: string) => (await getCsrWire(adminKube(), name)).metadata.resourceVersion;

describe('hostile node and CSR names', () => {
  const HOSTILE = ['../../api/v1/secrets', 'a%2Fb', '%2e%2e', '..', 'a/b', 'x'.repeat(300), 'nöde', 'NODE', 'a b', ''];
  const nodeGets = {
    node: nodeRoute.GET,
    configz: configzRoute.GET,
    summary: summaryRoute.GET,
    metrics: metricsRoute.GET,
    pods: podsRoute.GET,
  };

  it.each(HOSTILE)('node GET routes answer 422 Invalid for %j before any cluster request', async (name) => {
    sim.resetStats();
    for (const handler of Object.values(nodeGets)) {
      const s = await status(await handler(get('/api/nodes/x'), params({ name })));
      expect(s).toMatchObject({ code: 422, reason: 'Invalid' });
    }
    expect(sim.stats().total).toBe(0);
  });

  it.each(HOSTILE)('CSR routes answer 422 for %j and write nothing', async (name) => {
    sim.resetStats();
    expect(await status(await csrRoute.GET(get('/api/csrs/x'), params({ name })))).toMatchObject({ code: 422 });
    expect(
      await status(await approveRoute.POST(post('/api/csrs/x/approve', { resourceVersion: '1' }), params({ name }))),
    ).toMatchObject({ code: 422 });
    expect(
      await status(
        await denyRoute.POST(post('/api/csrs/x/deny', { resourceVersion: '1', reason: 'nope' }), params({ name })),
      ),
    ).toMatchObject({ code: 422 });
    expect(
      await status(await explainRoute.POST(post('/api/nodes/x/explain', { inputs: [] }), params({ name }))),
    ).toMatchObject({ code: 422 });
    expect(sim.stats().total).toBe(0);
  });
});

describe('mutations', () => {
  const name = DEMO_CSRS.goodServing;
  const cases = [
    [
      'approve',
      (r: Request) => approveRoute.POST(r, params({ name })),
      '/api/csrs/x/approve',
      { resourceVersion: '1' },
    ],
    [
      'deny',
      (r: Request) => denyRoute.POST(r, params({ name })),
      '/api/csrs/x/deny',
      { resourceVersion: '1', reason: 'because' },
    ],
    [
      'bulk-approve',
      (r: Request) => bulkRoute.POST(r),
      '/api/csrs/bulk-approve',
      { items: [{ name, resourceVersion: '1' }] },
    ],
    [
      'explain',
      (r: Request) => explainRoute.POST(r, params({ name: DEMO_NODES.kubeadmClean[0] })),
      '/api/nodes/x/explain',
      { inputs: [{ kind: 'config', content: 'x' }] },
    ],
    ['select context', (r: Request) => contextRoute.POST(r), '/api/contexts/current', { name: 'sim-viewer' }],
    ['sign in', (r: Request) => signinRoute.POST(r), '/api/auth/signin', { token: 'abc' }],
    ['sign out', (r: Request) => signoutRoute.POST(r), '/api/auth/signout', {}],
  ] as const;

  it.each(cases)(
    '%s refuses a cross-origin POST, a missing or forged CSRF token with 403, touching nothing',
    async (_label, handler, url, body) => {
      sim.resetStats();
      const before = await csrVersion(name);
      sim.resetStats();
      for (const req of [
        post(url, body, { origin: 'https://evil.example' }),
        post(url, body, { origin: 'null' }),
        post(url, body, { origin: null }),
        post(url, body, { csrf: 'missing' }),
        post(url, body, { csrf: 'forged' }),
        // DNS rebinding: a page on attacker.example resolved to 127.0.0.1 is same-origin with itself, and its
        // token pair is valid; only the host names give it away
        post(url, body, { host: 'attacker.example:3300', origin: 'http://attacker.example:3300' }),
      ]) {
        const res = await handler(req);
        expect(res.status).toBe(403);
        expect(res.headers.get('set-cookie')).toBeNull();
        expect(StatusSchema.parse(await res.json()).reason).toBe('Forbidden');
      }
      expect(sim.stats().total).toBe(0);
      expect(await csrVersion(name)).toBe(before);
    },
  );

  it('mutating routes export POST only, so every other method gets 405 from Next', () => {
    for (const mod of [approveRoute, denyRoute, bulkRoute, explainRoute, contextRoute, signinRoute, signoutRoute]) {
      expect(Object.keys(mod).filter((k) => /^(GET|HEAD|PUT|PATCH|DELETE)$/.test(k))).toEqual([]);
      expect(mod).toHaveProperty('POST');
    }
  });

  it('validates bodies: not JSON 400, wrong type 415, schema 422', async () => {
    expect((await approveRoute.POST(post('/api/csrs/x/approve', undefined), params({ name }))).status).toBe(400);
    const text = new Request(new URL('/api/csrs/x/approve', ORIGIN), {
      method: 'POST',
      headers: {
        origin: ORIGIN,
        host: '127.0.0.1:3300',
        'x-csrf-token': csrfToken,
        cookie: `kd_csrf=${csrfToken}`,
        'content-type': 'text/plain',
      },
      body: '{}',
    });
    expect((await approveRoute.POST(text, params({ name }))).status).toBe(415);
    expect(
      (await approveRoute.POST(post('/api/csrs/x/approve', { resourceVersion: 7 }), params({ name }))).status,
    ).toBe(422);
  });

  it("the sim-viewer context trying to approve gets the cluster's 403, and the CSR is unchanged", async () => {
    jar.set('kd-context', 'sim-viewer');
    const rv = await csrVersion(name);
    const s = await status(
      await approveRoute.POST(post('/api/csrs/x/approve', { resourceVersion: rv }), params({ name })),
    );
    expect(s).toMatchObject({ code: 403, reason: 'Forbidden' });
    expect(s.message).toMatch(/User "sim-viewer" cannot update resource "certificatesigningrequests\/approval"/);
    expect(await csrVersion(name)).toBe(rv);
  });
});

describe('kubelet bodies', () => {
  it('a malformed kubelet answer is a 502 MalformedResponse, not a crash', async () => {
    const s = await status(await configzRoute.GET(get('/x'), params({ name: DEMO_NODES.malformed })));
    expect(s).toMatchObject({ code: 502, reason: 'MalformedResponse' });
  });

  it('a kubelet answer larger than KD_MAX_BODY_BYTES is a 502 naming the cap', async () => {
    process.env.KD_MAX_BODY_BYTES = '512';
    resetEnvForTests();
    try {
      const s = await status(await summaryRoute.GET(get('/x'), params({ name: DEMO_NODES.kubeadmClean[0] })));
      expect(s).toMatchObject({ code: 502, reason: 'MalformedResponse' });
      expect(s.message).toMatch(/larger than 512 bytes/);
    } finally {
      delete process.env.KD_MAX_BODY_BYTES;
      resetEnvForTests();
    }
  });
});

describe('local mode', () => {
  it('ignores an Authorization header: the kubeconfig is used', async () => {
    requestHeaders = new Headers({ authorization: 'Bearer forged-token' });
    const res = await nodesRoute.GET(get('/api/nodes'));
    expect(res.status).toBe(200);
  });
});

describe('shared mode', () => {
  beforeEach(() => setMode('shared'));

  const signIn = (token: string, host = '127.0.0.1:3300') =>
    signinRoute.POST(
      new Request(`http://${host}/api/auth/signin`, {
        method: 'POST',
        headers: {
          origin: `http://${host}`,
          host,
          'content-type': 'application/json',
          'x-csrf-token': csrfToken,
          cookie: `kd_csrf=${csrfToken}`,
        },
        body: JSON.stringify({ token }),
      }),
    );
  const sessionOf = (res: Response) => /kd_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

  it('refuses to start without KD_SESSION_SECRET, saying how to create one', async () => {
    const { parseAuthConfig } = await import('@/lib/auth/config');
    expect(() => parseAuthConfig({ KD_AUTH_MODE: 'shared' })).toThrow(
      /KD_SESSION_SECRET.*kubectl -n kubelet-dashboard create secret generic/,
    );
    expect(() => parseAuthConfig({ KD_AUTH_MODE: 'shared', KD_SESSION_SECRET: 'short' })).toThrow(/too short/);
    expect(parseAuthConfig({}).mode).toBe('local');
  });

  it('signs in with a valid token: who you are, an encrypted HttpOnly SameSite=Strict cookie, never the token', async () => {
    const res = await signIn(sim.tokens.viewer);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ user: 'sim-viewer', verifiedBy: 'SelfSubjectReview' });
    expect(JSON.stringify(body)).not.toContain(sim.tokens.viewer);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kd_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    expect(cookie).not.toContain(sim.tokens.viewer);
    // Secure everywhere but plain http on loopback (tests, npm run demo). A public name must be allowed first.
    expect((await signIn(sim.tokens.viewer, 'dash.example.com')).status).toBe(403);
    process.env.KD_ALLOWED_HOSTS = 'dash.example.com';
    resetEnvForTests();
    try {
      expect((await signIn(sim.tokens.viewer, 'dash.example.com')).headers.get('set-cookie')).toContain('; Secure');
    } finally {
      delete process.env.KD_ALLOWED_HOSTS;
      resetEnvForTests();
    }
  });

  it('rejects an invalid token with 401 and a clear message, setting no session', async () => {
    const res = await signIn('not-a-real-token');
    const s = await status(res);
    expect(s).toMatchObject({ code: 401, reason: 'SignInRequired' });
    expect(s.message).toMatch(/rejected this token: it is invalid or has expired/);
    expect(sessionOf(res) ?? '').toBe('');
    expect(await status(await signIn('has spaces in it'))).toMatchObject({ code: 422 });
  });

  it("makes every call with the user's token: the viewer lists nodes and gets the cluster's 403 on approve", async () => {
    jar.set(SESSION_COOKIE, sessionOf(await signIn(sim.tokens.viewer))!);
    const list = NodeListResponseSchema.parse(decodeNodeList(await (await nodesRoute.GET(get('/api/nodes'))).json()));
    expect(list.items.length).toBeGreaterThan(10);
    const name = DEMO_CSRS.goodServing;
    const rv = await csrVersion(name);
    const s = await status(
      await approveRoute.POST(post('/api/csrs/x/approve', { resourceVersion: rv }), params({ name })),
    );
    expect(s).toMatchObject({ code: 403, reason: 'Forbidden' });
    expect(await csrVersion(name)).toBe(rv);
  });

  it('answers 401 SignInRequired without a session, for a forged one, and ignores an Authorization header', async () => {
    requestHeaders = new Headers({ authorization: `Bearer ${sim.tokens.admin}` });
    expect(await status(await nodesRoute.GET(get('/api/nodes')))).toMatchObject({
      code: 401,
      reason: 'SignInRequired',
    });
    jar.set(SESSION_COOKIE, 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.forged.forged');
    expect(await status(await nodesRoute.GET(get('/api/nodes')))).toMatchObject({
      code: 401,
      reason: 'SignInRequired',
    });
    const otherKey = await sealSession(
      { token: sim.tokens.admin, user: 'x', groups: [], verifiedBy: 'SelfSubjectReview' },
      'o'.repeat(48),
      3600,
      new Date(),
    );
    jar.set(SESSION_COOKIE, otherKey);
    expect(await status(await nodesRoute.GET(get('/api/nodes')))).toMatchObject({
      code: 401,
      reason: 'SignInRequired',
    });
  });

  it('a session whose token the cluster now rejects is cleared and answered 401 SignInRequired', async () => {
    jar.set(
      SESSION_COOKIE,
      await sealSession(
        { token: 'revoked-token', user: 'gone', groups: [], verifiedBy: 'SelfSubjectReview' },
        SECRET,
        3600,
        new Date(),
      ),
    );
    const res = await nodesRoute.GET(get('/api/nodes'));
    expect(await status(res)).toMatchObject({
      code: 401,
      reason: 'SignInRequired',
      message: expect.stringMatching(/sign in again/),
    });
    expect(res.headers.get('set-cookie')).toMatch(/^kd_session=; .*Max-Age=0/);
  });

  it('an expired session is refused', async () => {
    const old = new Date(Date.now() - 2 * 3600_000);
    jar.set(
      SESSION_COOKIE,
      await sealSession(
        { token: sim.tokens.viewer, user: 'sim-viewer', groups: [], verifiedBy: 'SelfSubjectReview' },
        SECRET,
        3600,
        old,
      ),
    );
    expect(await status(await nodesRoute.GET(get('/api/nodes')))).toMatchObject({
      code: 401,
      reason: 'SignInRequired',
    });
  });

  it('refuses to switch to a context neither its own nor added to the session, and signs out by clearing the cookie', async () => {
    jar.set(SESSION_COOKIE, sessionOf(await signIn(sim.tokens.viewer))!);
    expect(await status(await contextRoute.POST(post('/api/contexts/current', { name: 'sim-viewer' })))).toMatchObject({
      code: 422,
      message: expect.stringContaining("neither this dashboard's cluster nor one added to your session"),
    });
    const out = await signoutRoute.POST(post('/api/auth/signout', {}));
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^kd_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
  });
});

describe('proxy-header mode', () => {
  beforeEach(() => setMode('proxy-header'));

  it("uses the auth proxy's bearer token for every call, and answers 401 without one", async () => {
    requestHeaders = new Headers({ authorization: `Bearer ${sim.tokens.viewer}` });
    expect((await nodesRoute.GET(get('/api/nodes'))).status).toBe(200);
    const name = DEMO_CSRS.goodServing;
    const rv = await csrVersion(name);
    expect(
      (await approveRoute.POST(post('/api/csrs/x/approve', { resourceVersion: rv }), params({ name }))).status,
    ).toBe(403);
    requestHeaders = new Headers();
    expect(await status(await nodesRoute.GET(get('/api/nodes')))).toMatchObject({
      code: 401,
      reason: 'SignInRequired',
    });
    requestHeaders = new Headers({ authorization: 'Bearer wrong' });
    expect(await status(await nodesRoute.GET(get('/api/nodes')))).toMatchObject({
      code: 401,
      reason: 'SignInRequired',
    });
  });

  it('does not offer sign-in', async () => {
    expect((await signinRoute.POST(post('/api/auth/signin', { token: sim.tokens.viewer }))).status).toBe(400);
  });
});

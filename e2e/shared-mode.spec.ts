import { DEMO_CSRS } from '../sim/fleet/demo-layout';
import { E2E_PROBE_PORT } from '../playwright.config';
import { expect, kubeconfigToken, test } from './fixtures';

/**
 * Shared mode (KD_AUTH_MODE=shared, the `shared` project's server): a user signs in with their own bearer token
 * and sees exactly what that token may see. Here the sim-viewer token: nodes yes, CSR decisions no.
 */
const tokenOf = (user: 'sim-viewer' | 'sim-admin') => kubeconfigToken(user);

test('a page without a session goes to /signin; an invalid token is refused with a clear message', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of 401 \(Unauthorized\) \(.*\/api\/auth\/signin\)$/);
  await page.goto('/nodes');
  await expect(page).toHaveURL(/\/signin\?reason=required&next=%2Fnodes$/);
  await expect(page.getByTestId('signin-reason')).toHaveText('Sign in with your Kubernetes bearer token.');
  // Before sign-in there is nothing to navigate or switch.
  await expect(page.getByLabel('Context')).toHaveCount(0);

  await page.getByLabel('Bearer token').fill('not-a-valid-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'rejected this token' })).toContainText(
    'The cluster rejected this token: it is invalid or has expired.',
  );
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.context().cookies()).find((c) => c.name === 'kd_session')).toBeUndefined();
});

test('the sim-viewer token sees the nodes, cannot approve, never exposes its token, and signs out', async ({
  page,
}) => {
  const token = tokenOf('sim-viewer');
  await page.goto('/signin?next=%2Fnodes');
  await page.getByLabel('Bearer token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/nodes$/);
  await expect(page.getByTestId('signed-in-user')).toHaveText('sim-viewer');
  await expect(page.getByRole('link', { name: 'k8s-worker-1', exact: true })).toBeVisible();
  // One cluster: the context is shown, not switchable.
  await expect(page.getByRole('combobox', { name: 'Context' })).toHaveCount(0);

  // The token lives only in an HttpOnly, SameSite=Strict cookie, encrypted: page JavaScript can't read it.
  const session = (await page.context().cookies()).find((c) => c.name === 'kd_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(session?.value).not.toContain(token);
  expect(await page.evaluate(() => document.cookie)).not.toContain('kd_session');
  expect(await page.content()).not.toContain(token);

  // RBAC decides: the viewer may read CSRs but the decision buttons are disabled, saying why.
  await page.goto(`/csrs/${DEMO_CSRS.goodServing2}`);
  await expect(page.getByTestId('csr-checks')).toBeVisible();
  await expect(page.getByTestId('csr-approve')).toBeDisabled();
  await expect(page.getByTestId('csr-approve')).toHaveAttribute(
    'title',
    /sim-viewer may not update certificatesigningrequests\/approval/,
  );

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin\?reason=signed-out$/);
  await expect(page.getByTestId('signin-reason')).toHaveText('You have signed out.');
  expect((await page.context().cookies()).find((c) => c.name === 'kd_session')).toBeUndefined();
  await page.goto('/nodes');
  await expect(page).toHaveURL(/\/signin\?reason=required/);
});

test('an unreadable or expired session cookie sends pages to /signin?reason=expired and API calls get 401', async ({
  page,
  request,
  baseURL,
}) => {
  await page.context().addCookies([{ name: 'kd_session', value: 'forged.value', url: baseURL! }]);
  await page.goto('/csrs');
  await expect(page).toHaveURL(/\/signin\?reason=expired&next=%2Fcsrs$/);
  await expect(page.getByTestId('signin-reason')).toContainText('Your session has ended');

  const res = await request.get('/api/nodes', { headers: { authorization: `Bearer ${tokenOf('sim-admin')}` } });
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ kind: 'Status', reason: 'SignInRequired', code: 401 });
});

test('security headers on pages and API responses', async ({ request }) => {
  const page = await request.get('/signin');
  const h = page.headers();
  expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).not.toContain('unsafe-eval');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['x-powered-by']).toBeUndefined();
  const api = await request.get('/api/nodes');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['cache-control']).toContain('no-store');
});

test('a cross-origin POST is refused before anything runs', async ({ request }) => {
  const res = await request.post('/api/auth/signin', {
    headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
    data: { token: tokenOf('sim-admin') },
  });
  expect(res.status()).toBe(403);
  expect(res.headers()['set-cookie']).toBeUndefined();
});

test('prefetches go through the same gate: no session, no page, even for a router prefetch', async ({ request }) => {
  for (const headers of [{ 'Next-Router-Prefetch': '1', RSC: '1' }, { Purpose: 'prefetch' }] as Record<
    string,
    string
  >[]) {
    const res = await request.get('/nodes', { headers, maxRedirects: 0 });
    expect(res.status()).toBe(303);
    expect(res.headers()['location']).toMatch(/\/signin\?reason=required&next=%2Fnodes$/);
  }
});

test('a rebinding Host is refused in shared mode too; the probes answer any Host', async ({ request, baseURL }) => {
  const port = new URL(baseURL!).port;
  const foreign = await request.get('/api/nodes', { headers: { Host: `attacker.example:${port}` } });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain('KD_ALLOWED_HOSTS');
  // kubectl port-forward picks its own local port: loopback names on any port are this dashboard
  const forwarded = await request.get('/signin', { headers: { Host: 'localhost:18080' } });
  expect(forwarded.status()).toBe(200);
  for (const path of ['/healthz', '/readyz'])
    expect((await request.get(path, { headers: { Host: `10.244.1.7:${port}` } })).status()).toBe(200);
});

test('the probe port answers /healthz and /readyz from its own thread, and nothing else', async ({ request }) => {
  const probes = `http://127.0.0.1:${E2E_PROBE_PORT}`;
  for (const path of ['/healthz', '/readyz']) {
    const res = await request.get(`${probes}${path}`);
    expect([res.status(), await res.text()]).toEqual([200, 'ok']);
  }
  // no page, no API, no session endpoint: the port says only whether the server is alive and ready
  for (const path of ['/nodes', '/api/nodes', '/api/csrf', '/signin'])
    expect((await request.get(`${probes}${path}`)).status(), path).toBe(404);
});

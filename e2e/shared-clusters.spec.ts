import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { DEMO_CLUSTER_NODES, DEMO_CLUSTER_VERSIONS, DEMO_CONTEXTS } from '../sim/fleet/demo-clusters';
import { expect, kubeconfigToken, test } from './fixtures';

/**
 * Shared mode: a signed-in user adds clusters the operator lists (KD_SHARED_CLUSTERS_FILE, here the sim's
 * kubeconfig) to their own session with their own token for each (lib/auth/session-clusters.ts). Two users at once,
 * each in their own browser context: what one adds, the other never sees nor reaches through any API, and no
 * token ever comes back in a response to either.
 */
const KUBEASZ = DEMO_CONTEXTS.kubeasz;
const kubeaszToken = () => kubeconfigToken(`${KUBEASZ}-admin`);
const TOKENS = () => [kubeconfigToken('sim-admin'), kubeconfigToken('sim-viewer'), kubeaszToken()];

/** Every response body and header the context receives, to look for tokens in. */
function recordResponses(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on('response', async (res) => {
    const headers = JSON.stringify(await res.allHeaders().catch(() => ({})));
    const body = await res.text().catch(() => '');
    seen.push(`${res.url()}\n${headers}\n${body}`);
  });
  return seen;
}

async function signIn(page: Page, user: 'sim-admin' | 'sim-viewer') {
  await page.goto('/signin?next=%2Fclusters');
  await page.getByLabel('Bearer token').fill(kubeconfigToken(user));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/clusters$/);
  await expect(page.getByTestId('signed-in-user')).toHaveText(user);
}

/**
 * The headers our own page's fetch sends: its Origin and a CSRF token for `request` (whose kd_csrf cookie the same
 * GET sets), as the browser's postJson gets one.
 */
async function csrfHeader(request: APIRequestContext, origin: string): Promise<Record<string, string>> {
  const { token } = (await (await request.get('/api/csrf')).json()) as { token: string };
  return { 'x-csrf-token': token, 'content-type': 'application/json', origin };
}

async function addCluster(page: Page, cluster: string, token: string) {
  const panel = page.getByRole('region', { name: 'Clusters in your session' });
  await panel.getByLabel('Cluster').selectOption(cluster);
  await panel.getByLabel(`Your token for ${cluster}`).fill(token);
  await panel.getByRole('button', { name: 'Add cluster' }).click();
}

test('user A adds a cluster with their token: it is on their /clusters, in their compare and context picker; user B never sees or reaches it, and no token is ever answered', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const contextA = await browser.newContext({ baseURL });
  const contextB = await browser.newContext({ baseURL });
  const seenA = recordResponses(contextA);
  const seenB = recordResponses(contextB);
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await signIn(a, 'sim-admin');
  await signIn(b, 'sim-viewer');

  // A adds the kubeasz cluster: checked with that cluster, then listed with who that cluster says A is
  await addCluster(a, KUBEASZ, kubeaszToken());
  const row = a.getByTestId(`session-cluster-${KUBEASZ}`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('session-cluster-user')).not.toBeEmpty();
  await expect(a.getByRole('status').filter({ hasText: `Added ${KUBEASZ}.` })).toBeVisible();
  // the cookie holding it is HttpOnly, SameSite=Strict and encrypted: page JavaScript cannot read the token
  const clusterCookie = (await contextA.cookies()).find((c) => c.name.startsWith('kd_cluster_'));
  expect(clusterCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(clusterCookie?.value).not.toContain(kubeaszToken());
  expect(await a.evaluate(() => document.cookie)).not.toContain('kd_cluster_');

  // ...and the overview reads it with A's token for it, beside A's own cluster
  const overviewRow = a.getByTestId(`cluster-row-${KUBEASZ}`);
  await expect(overviewRow).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
  await expect(overviewRow.getByTestId('cluster-version')).toHaveText(DEMO_CLUSTER_VERSIONS.kubeasz);
  await expect(a.getByTestId(`cluster-row-${DEMO_CONTEXTS.primary}`)).toBeVisible();

  // A compares across both clusters: nodes of the added one are named <context>/<node>
  const [w1] = DEMO_CLUSTER_NODES.kubeasz.workers;
  const compareUrl = `/api/compare?clusters=${DEMO_CONTEXTS.primary},${KUBEASZ}&nodes=k8s-worker-1,${KUBEASZ}/${w1}`;
  const compareA = await a.request.get(compareUrl);
  expect(compareA.status()).toBe(200);
  expect(JSON.stringify(await compareA.json())).toContain(`${KUBEASZ}/${w1}`);

  // A's context picker offers it; choosing it shows that cluster's nodes
  const picker = a.getByRole('combobox', { name: 'Context' });
  await expect(picker.locator('option')).toHaveText([DEMO_CONTEXTS.primary, KUBEASZ]);
  await a.goto('/nodes');
  await a.getByRole('combobox', { name: 'Context' }).selectOption(KUBEASZ);
  await expect(a.getByRole('link', { name: w1, exact: true })).toBeVisible({ timeout: 30_000 });

  // B: only B's own cluster, everywhere
  await b.goto('/clusters');
  await expect(b.getByTestId(`cluster-row-${DEMO_CONTEXTS.primary}`)).toBeVisible();
  await expect(b.getByTestId(`cluster-row-${KUBEASZ}`)).toHaveCount(0);
  await expect(b.getByText('None added yet.')).toBeVisible();
  const listB = (await (await b.request.get('/api/session/clusters')).json()) as { added: unknown[] };
  expect(listB.added).toEqual([]);
  const contextsB = await (await b.request.get('/api/contexts')).json();
  expect(JSON.stringify(contextsB)).not.toContain(KUBEASZ);
  for (const url of [`/api/clusters?contexts=${KUBEASZ}`, compareUrl]) {
    const res = await b.request.get(url);
    expect(res.status(), url).toBe(422);
    expect(await res.text()).toContain('neither this dashboard');
  }
  const switchB = await b.request.post('/api/contexts/current', {
    headers: await csrfHeader(b.request, baseURL!),
    data: { name: KUBEASZ },
  });
  expect(switchB.status()).toBe(422);
  // a context cookie naming A's cluster is ignored: B's node pages read B's own cluster
  await contextB.addCookies([{ name: 'kd-context', value: KUBEASZ, url: baseURL! }]);
  const nodesB = await b.request.get('/api/nodes');
  expect(nodesB.status()).toBe(200);
  expect(await nodesB.text()).not.toContain(w1);
  expect((await b.request.get(`/api/nodes/${w1}`)).status()).toBe(404);
  // even A's cluster cookie, copied into B's browser, is nothing there: it is bound to A's sign-in
  await contextB.addCookies([{ name: clusterCookie!.name, value: clusterCookie!.value, url: baseURL! }]);
  const stolen = (await (await b.request.get('/api/session/clusters')).json()) as { added: unknown[] };
  expect(stolen.added).toEqual([]);
  expect((await b.request.get(`/api/clusters?contexts=${KUBEASZ}`)).status()).toBe(422);

  // A removes it: gone from the session, the overview and the APIs
  await a.goto('/clusters');
  await a.getByRole('button', { name: `Remove ${KUBEASZ} from your session` }).click();
  await expect(a.getByTestId(`session-cluster-${KUBEASZ}`)).toHaveCount(0);
  await expect(a.getByTestId(`cluster-row-${KUBEASZ}`)).toHaveCount(0);
  expect((await a.request.get(`/api/clusters?contexts=${KUBEASZ}`)).status()).toBe(422);
  expect((await contextA.cookies()).find((c) => c.name.startsWith('kd_cluster_'))).toBeUndefined();

  // no response to either user ever carried a token (A's went to the server once, in the request body)
  expect(seenA.some((t) => t.includes('/api/session/clusters'))).toBe(true);
  expect(seenB.some((t) => t.includes('/api/clusters'))).toBe(true);
  for (const token of TOKENS())
    for (const text of [...seenA, ...seenB]) expect(text.includes(token), text.slice(0, 200)).toBe(false);
  await contextA.close();
  await contextB.close();
});

test('a wrong token, an unknown cluster and requests without the CSRF pair or from another origin are refused', async ({
  page,
  consoleErrors,
  baseURL,
}) => {
  consoleErrors.allow(/status of 422 \(Unprocessable Entity\) \(.*\/api\/session\/clusters\)$/);
  await signIn(page, 'sim-admin');
  // the home cluster's token is no token for the kubeasz cluster
  await addCluster(page, KUBEASZ, kubeconfigToken('sim-admin'));
  await expect(page.getByRole('alert').filter({ hasText: 'rejected this token' })).toContainText(
    `${KUBEASZ} rejected this token: it is invalid, has expired, or belongs to another cluster.`,
  );
  await expect(page.getByTestId(`session-cluster-${KUBEASZ}`)).toHaveCount(0);
  expect((await page.context().cookies()).find((c) => c.name.startsWith('kd_cluster_'))).toBeUndefined();

  // the dashboard's own cluster is not on the list; a name the operator did not list is refused, never dialled
  await expect(page.getByLabel('Cluster').locator('option', { hasText: /^sim / })).toHaveCount(0);
  const headers = await csrfHeader(page.request, baseURL!);
  const unknown = await page.request.post('/api/session/clusters', {
    headers,
    data: { cluster: 'https://10.0.0.1:6443', token: kubeaszToken() },
  });
  expect(unknown.status()).toBe(422);
  expect(await unknown.text()).toContain('is not a cluster this dashboard lets you add');

  // the mutation gate applies: no CSRF token, or another origin, is a 403 before anything runs
  const noCsrf = await page.request.post('/api/session/clusters', {
    headers: { 'content-type': 'application/json', origin: baseURL! },
    data: { cluster: KUBEASZ, token: kubeaszToken() },
  });
  expect(noCsrf.status()).toBe(403);
  const foreign = await page.request.post('/api/session/clusters', {
    headers: { ...headers, origin: 'https://evil.example' },
    data: { cluster: KUBEASZ, token: kubeaszToken() },
  });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()['set-cookie']).toBeUndefined();
  const remove = await page.request.delete('/api/session/clusters', {
    headers: { 'content-type': 'application/json', origin: baseURL! },
    data: { cluster: KUBEASZ },
  });
  expect(remove.status()).toBe(403);
});

test('signing out drops the added clusters; the next sign-in starts without them', async ({ page }) => {
  await signIn(page, 'sim-admin');
  await addCluster(page, KUBEASZ, kubeaszToken());
  await expect(page.getByTestId(`session-cluster-${KUBEASZ}`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin\?reason=signed-out$/);
  expect((await page.context().cookies()).filter((c) => c.name.startsWith('kd_'))).toEqual(
    (await page.context().cookies()).filter((c) => c.name === 'kd_csrf'),
  );
  await signIn(page, 'sim-admin');
  await expect(page.getByText('None added yet.')).toBeVisible();
});

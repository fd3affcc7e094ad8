import { chromium, expect, test, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/browser';
import { DEMO_CSRS, DEMO_NODES } from '../sim/fleet/demo-layout';
import { kubectl } from './fixtures';

/**
 * DNS rebinding (docs/security.md): a page on attacker.example whose name now resolves to 127.0.0.1 is
 * same-origin with whatever listens there, so the browser would let it read our answers and post with a CSRF token
 * it fetched itself. Chromium's --host-resolver-rules plays the attacker's DNS; the dashboard must refuse every
 * request by its Host.
 */
let browser: Browser;
let port: string;

test.beforeAll(async ({}, testInfo) => {
  port = new URL(String(testInfo.project.use.baseURL)).port;
  const launch = chromiumLaunchOptions();
  browser = await chromium.launch({
    ...launch,
    args: [...launch.args, '--host-resolver-rules=MAP attacker.example 127.0.0.1'],
  });
});
test.afterAll(async () => {
  await browser?.close();
});

const csrVersion = async (name: string) => kubectl(['get', 'csr', name, '-o', 'jsonpath={.metadata.resourceVersion}']);

test('a page on a rebound name can neither read nor write', async () => {
  const page = await browser.newPage();
  const node = DEMO_NODES.kubeadmClean[0];
  const csr = DEMO_CSRS.goodBootstrapClient;
  const before = await csrVersion(csr);

  const landing = await page.goto(`http://attacker.example:${port}/nodes`);
  expect(landing?.status()).toBe(403);
  await expect(page.locator('body')).toContainText('is not allowed (DNS rebinding protection)');
  await expect(page.locator('body')).toContainText('KD_ALLOWED_HOSTS');

  // What the attacker's script does next, from its own (rebound) origin.
  const attempts = await page.evaluate(
    async ({ node, csr }) => {
      const status = async (path: string, init?: RequestInit) => (await fetch(path, init)).status;
      const tokenAnswer = await fetch('/api/csrf');
      const token = tokenAnswer.ok ? ((await tokenAnswer.json()) as { token: string }).token : 'none';
      return {
        csrs: await status('/api/csrs'),
        nodes: await status('/api/nodes'),
        configz: await status(`/api/nodes/${node}/configz`),
        csrf: tokenAnswer.status,
        deny: await status(`/api/csrs/${csr}/deny`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({ resourceVersion: '1', reason: 'rebinding attack' }),
        }),
      };
    },
    { node, csr },
  );
  expect(attempts).toEqual({ csrs: 403, nodes: 403, configz: 403, csrf: 403, deny: 403 });
  expect(await csrVersion(csr)).toBe(before);

  // The same browser still reaches the dashboard by its own names: the refusal is about the name, nothing else.
  const own = await page.goto(`http://127.0.0.1:${port}/api/csrs`);
  expect(own?.status()).toBe(200);
  const viaLocalhost = await page.goto(`http://localhost:${port}/api/nodes/${node}/configz`);
  expect(viaLocalhost?.status()).toBe(200);
  await page.close();
});

test('prefetch requests pass the same gate: CSP on pages, Host check', async ({ request }) => {
  const prefetches: Record<string, string>[] = [{ 'Next-Router-Prefetch': '1', RSC: '1' }, { Purpose: 'prefetch' }];
  for (const headers of prefetches) {
    const res = await request.get('/nodes', { headers });
    expect(res.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
    const foreign = await request.get('/nodes', { headers: { ...headers, Host: `attacker.example:${port}` } });
    expect(foreign.status()).toBe(403);
  }
});

import { decodeNodeList } from '../lib/api/nodes-wire';
import type { APIRequestContext } from '@playwright/test';
import { DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, test, withApiServerDown } from './fixtures';

/**
 * Issue 19 item 2: with the API server down, pages keep the last data on screen and say since when it is stale
 * and why; the API answers `stale: true` with the fetchedAt of the last successful sync; everything says current
 * again once the API server is back. The outage is the sim's (simctl): 503 to every request, watches dropped.
 */

interface Freshness {
  fetchedAt: string;
  stale?: boolean;
  staleSince?: string;
  error?: { kind: string; code: number; message: string };
}

/** GET /api/nodes, decoded from its compact wire shape as the page decodes it */
const nodeList = async (request: APIRequestContext): Promise<Freshness & { items: Array<{ name: string }> }> =>
  decodeNodeList(await (await request.get('/api/nodes')).json());
const CLOCK = /Stale since \d{1,2}:\d\d:\d\d/;
const node = DEMO_NODES.kubeadmClean[0];

test('/nodes and /csrs show "stale since … — error" during an API-server outage and recover after it', async ({
  page,
  context,
  request,
  consoleErrors,
}) => {
  test.setTimeout(150_000);
  // queries that cannot answer stale data (pending-CSR badge, fleet stream) fail with 503 during the outage
  consoleErrors.allow(/status of 503|Service Unavailable/);
  await page.goto('/nodes');
  await expect(page.locator(`[role="row"][data-node="${node}"]`)).toBeVisible();
  const csrs = await context.newPage();
  await csrs.goto('/csrs');
  await expect(csrs.getByTestId('csr-table')).toBeVisible();
  await expect(csrs.getByTestId('csr-watch-status')).toHaveAttribute('data-state', 'live');
  const firstCsr = await csrs.locator('[data-csr]').first().getAttribute('data-csr');
  const before = await nodeList(request);
  expect(before.stale).toBeUndefined();

  let outageStart = 0;
  const during = await withApiServerDown(async () => {
    outageStart = Date.now(); // the sim has switched the outage on
    await expect.poll(async () => (await nodeList(request)).stale, { timeout: 20_000 }).toBe(true);
    const stale = await nodeList(request);
    // the last successful sync, from before the outage: not the time of the answer
    expect(Date.parse(stale.fetchedAt)).toBeLessThanOrEqual(outageStart);
    expect(Date.parse(stale.fetchedAt)).toBeGreaterThanOrEqual(Date.parse(before.fetchedAt));
    expect(stale.error).toMatchObject({ kind: 'Status', code: 503 });
    expect(stale.items.map((n) => n.name)).toEqual(before.items.map((n) => n.name));

    // /nodes: the banner with the time and the API server's error; the rows stay
    const banner = page.getByTestId('stale-banner');
    await expect(banner).toContainText(CLOCK, { timeout: 20_000 });
    await expect(banner).toContainText(/unable to handle the request|HTTP 503/);
    await expect(page.locator(`[role="row"][data-node="${node}"]`)).toBeVisible();
    await expect(page.getByTestId('freshness')).not.toContainText('just now');

    // /csrs: the watch is down (with the time and reason), the last list stays, marked stale
    await expect(csrs.getByTestId('csr-watch-status')).toHaveAttribute('data-state', 'down');
    await expect(csrs.getByTestId('csr-watch-status')).toContainText(/Live updates down since \d{1,2}:\d\d:\d\d —/);
    await expect(csrs.getByTestId('stale-banner')).toContainText(CLOCK);
    await expect(csrs.locator(`[data-csr="${firstCsr}"]`)).toBeVisible();
    const csrAnswer = (await (await request.get('/api/csrs')).json()) as Freshness;
    expect(csrAnswer).toMatchObject({ stale: true, error: { code: 503 } });
    expect(Date.parse(csrAnswer.fetchedAt)).toBeLessThanOrEqual(outageStart);

    await page.waitForTimeout(2000);
    expect((await nodeList(request)).fetchedAt).toBe(stale.fetchedAt); // it does not creep forward
    return stale;
  });

  // back: the banners go, the CSR watch says when it came back, the API is current again
  await expect(page.getByTestId('stale-banner')).toBeHidden({ timeout: 60_000 });
  const after = await nodeList(request);
  expect(after.stale).toBeUndefined();
  expect(Date.parse(after.fetchedAt)).toBeGreaterThan(Date.parse(during.fetchedAt));
  await expect(csrs.getByTestId('csr-watch-status')).toContainText(/Live updates back since \d{1,2}:\d\d:\d\d/, {
    timeout: 20_000,
  });
  await expect(csrs.getByTestId('stale-banner')).toBeHidden();
});

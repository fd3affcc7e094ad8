import { DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, test } from './fixtures';

/**
 * Issue 16 item 3: a node page opens with the history the server kept while the fleet was watched, not an empty
 * chart. The node list's stream sweeps every 2 s in the e2e server (playwright.config.ts), so a few seconds on
 * /nodes leave several samples of every node behind.
 */

test.use({ viewport: { width: 1280, height: 800 } });

test('the node page chart starts with samples gathered before the page was opened', async ({ page, request }) => {
  const node = DEMO_NODES.memoryPressure;
  await page.goto('/nodes');
  await expect(page.getByRole('table', { name: 'Nodes' })).toBeVisible();
  // the fleet is being watched: wait until the server holds a few samples of the node
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/nodes/${node}/history`);
        expect(res.ok()).toBe(true);
        return ((await res.json()) as { samples: unknown[] }).samples.length;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(3);

  const openedAt = Date.now();
  await page.goto(`/nodes/${node}`);
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toBeVisible();
  await expect(page.getByTestId('history-source')).toContainText(/\d+ samples kept by the dashboard's server/);
  // the older part of the hour is kept one sample per minute (lib/fleet/signal-history.ts), and the page says so
  await expect(page.getByTestId('history-source')).toContainText(
    "Samples older than 15 min are one per minute: each signal's lowest amount in that minute.",
  );
  await expect.poll(async () => Number(await chart.getAttribute('data-samples'))).toBeGreaterThanOrEqual(3);
  expect(Number(await chart.getAttribute('data-first-sample'))).toBeLessThan(openedAt);

  // a real chart: uPlot's canvas with time and value axes, and the threshold line in its legend
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(chart.locator('.u-legend')).toContainText('hard threshold');
  await expect(chart.locator('.u-axis')).toHaveCount(2);
  await expect(chart.locator('figcaption')).toContainText(/memory\.available: .* now, lowest .* hard threshold/);
});

test('a hostile node name gets a clear error, not a history', async ({ request }) => {
  const res = await request.get(`/api/nodes/${encodeURIComponent('../../etc')}/history`);
  expect(res.status()).toBe(422);
  expect(((await res.json()) as { reason: string }).reason).toBe('Invalid');
});

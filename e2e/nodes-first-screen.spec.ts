import type { Page, Route } from '@playwright/test';
import { DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, kubectl, test } from './fixtures';

/**
 * The first screen comes with the HTML (issue 20 item 5): the server renders the first rows of the view the URL
 * asks for, and the browser's GET /api/nodes brings the whole list. At 5,000 nodes the bench measures it
 * (BENCHMARKS.md, server section); the demo's nodes all fit on one screen, so these tests hold /api/nodes back to
 * see the page as it is before the list arrives.
 */

const dataRowNames = (html: string) => [...html.matchAll(/data-node="([^"]+)"/g)].map((m) => m[1]);
const rowNames = (page: Page) =>
  page.locator('[role="row"][data-node]').evaluateAll((rows) =>
    rows
      .map((r) => ({ name: r.getAttribute('data-node') ?? '', index: Number(r.getAttribute('aria-rowindex')) }))
      .sort((a, b) => a.index - b.index)
      .map((r) => r.name),
  );

async function nodeNames(): Promise<string[]> {
  const list = JSON.parse(await kubectl(['get', 'nodes', '-o', 'json'])) as {
    items: Array<{ metadata: { name: string } }>;
  };
  return list.items.map((n) => n.metadata.name);
}

test('the HTML itself carries the first rows of the URL view, sorted and filtered as the URL says', async ({
  request,
}) => {
  const names = await nodeNames();
  const byNameDesc = [...names].sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  const html = await (await request.get('/nodes?sort=name&dir=desc')).text();
  // the rows of a first screen (the row window's initial height), in the URL's order
  const rendered = dataRowNames(html);
  expect(rendered.length).toBeGreaterThanOrEqual(10);
  expect(rendered).toEqual(byNameDesc.slice(0, rendered.length));
  expect(html).toContain(`aria-rowcount="${names.length + 1}"`);
  // no streamed boundary (loading skeleton) stands before the rows: React reveals a boundary at least 300 ms after
  // the shell's first paint, so the rows are in the document's first paint instead (app/nodes/(list)/page.tsx)
  expect(html).not.toContain('aria-label="Loading nodes"');
  expect(html).not.toMatch(/<template id="B:/);
  // the stylesheet is inline: the first paint waits for no second request (next.config.ts, inlineCss)
  expect(html).toMatch(/<style[^>]*>[^<]*\.grid\{display:grid\}/);

  const notReady = await (await request.get('/nodes?status=NotReady')).text();
  expect(dataRowNames(notReady)).toEqual([DEMO_NODES.notReady]);
  expect(notReady).toContain(`Showing 1 of ${names.length}`);
});

test('the page shows the server rows before /api/nodes answers, then the list takes over', async ({ page }) => {
  const names = await nodeNames();
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let requests = 0;
  await page.route('**/api/nodes', async (route: Route) => {
    requests++;
    await held;
    await route.continue();
  });
  await page.goto('/nodes?q=k8s-worker');
  await expect(page.locator('[data-hydrated]')).toBeAttached();
  // hydrated, /api/nodes still held back: the rows on screen are the server's
  const workers = names.filter((n) => n.includes('k8s-worker'));
  expect(await rowNames(page)).toEqual(workers.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  await expect(page.getByTestId('shown-count')).toHaveText(`Showing ${workers.length} of ${names.length}`);

  // a view change before the whole list is here waits for it instead of reordering the server's few rows
  await page.getByRole('columnheader', { name: /Age/ }).getByRole('button').click();
  await expect(page.getByTestId('first-screen-note')).toHaveText(
    `Loading all ${names.length} nodes to show this view…`,
  );
  await expect(page.locator('[role="row"][data-node]')).toHaveCount(0);

  const listed = page.waitForResponse((r) => r.url().endsWith('/api/nodes') && r.ok());
  release();
  await listed;
  await expect(page.getByTestId('first-screen-note')).toHaveCount(0);
  await expect.poll(() => rowNames(page).then((r) => r.length)).toBe(workers.length);
  expect(requests).toBeGreaterThanOrEqual(1);
});

test('a sort the server cannot know renders no rows and says why, until the browser has the data', async ({ page }) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/nodes', async (route: Route) => {
    await held;
    await route.continue();
  });
  await page.goto('/nodes?sort=eviction&dir=asc');
  await expect(page.getByTestId('first-screen-note')).toContainText(
    'Sorting by eviction headroom needs every kubelet’s stats',
  );
  await expect(page.locator('[role="row"][data-node]')).toHaveCount(0);
  release();
  await expect(page.locator('[role="row"][data-node]').first()).toBeVisible();
  await expect(page.getByTestId('first-screen-note')).toHaveCount(0);
});

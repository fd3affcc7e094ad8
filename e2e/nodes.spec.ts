import type { Page } from '@playwright/test';
import { DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, kubectl, test, withoutMetrics } from './fixtures';

/**
 * The node list against the demo sim: real statuses (checked against kubectl), filters and sorting in the
 * URL, NotReady and pressure nodes standing out, a small DOM, and partial data when metrics are off.
 */

const table = (page: Page) => page.getByRole('table', { name: 'Nodes' });
const row = (page: Page, name: string) => page.locator(`[role="row"][data-node="${name}"]`);
/** Names of the rendered data rows, in display order. */
const rowNames = (page: Page) =>
  page.locator('[role="row"][data-node]').evaluateAll((rows) =>
    rows
      .map((r) => ({ name: r.getAttribute('data-node') ?? '', index: Number(r.getAttribute('aria-rowindex')) }))
      .sort((a, b) => a.index - b.index)
      .map((r) => r.name),
  );

/** Opens the list and waits until React has hydrated it (typing into server-rendered inputs earlier is lost). */
async function openNodes(page: Page, query = '') {
  await page.goto(`/nodes${query}`);
  await expect(table(page)).toBeVisible();
  await expect(page.locator('[data-hydrated]')).toBeAttached();
}

test('lists the demo nodes with the status kubectl reports', async ({ page }) => {
  const list = JSON.parse(await kubectl(['get', 'nodes', '-o', 'json'])) as {
    items: Array<{ metadata: { name: string }; status: { conditions: Array<{ type: string; status: string }> } }>;
  };
  await openNodes(page);
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(list.items.length + 1));
  await expect(page.getByTestId('shown-count')).toHaveText(`Showing all ${list.items.length}`);

  const filter = page.getByRole('searchbox', { name: 'Filter' });
  for (const node of list.items) {
    const ready = node.status.conditions.find((c) => c.type === 'Ready')?.status === 'True';
    await filter.fill(node.metadata.name);
    const r = row(page, node.metadata.name);
    await expect(r).toBeVisible();
    await expect(r.getByRole('link', { name: node.metadata.name })).toHaveAttribute(
      'href',
      `/nodes/${encodeURIComponent(node.metadata.name)}`,
    );
    await expect(
      r
        .getByRole('cell')
        .nth(1)
        .getByText(ready ? 'Ready' : 'NotReady', { exact: true }),
    ).toBeVisible();
  }
});

test('NotReady and pressure nodes stand out with visible text, not colour alone', async ({ page }) => {
  await openNodes(page);
  await expect(row(page, DEMO_NODES.notReady).getByText('NotReady', { exact: true })).toBeVisible();
  await expect(row(page, DEMO_NODES.memoryPressure).getByText('MemoryPressure')).toBeVisible();
  await table(page).evaluate((el) => (el.scrollTop = el.scrollHeight)); // rows are virtualized: bring it in
  await expect(row(page, DEMO_NODES.diskPressure).getByText('DiskPressure')).toBeVisible();
  const counts = page.getByRole('group', { name: 'Node counts' });
  await expect(counts).toContainText('1 NotReady');
  await expect(counts).toContainText('2 under pressure');
});

test('text and status filters land in the URL and survive a reload', async ({ page }) => {
  await openNodes(page);
  await page.getByRole('searchbox', { name: 'Filter' }).fill('k8s-worker');
  await expect(page).toHaveURL(/[?&]q=k8s-worker/);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('NotReady');
  await expect(page).toHaveURL(/[?&]status=NotReady/);
  await expect.poll(() => rowNames(page)).toEqual([DEMO_NODES.notReady]);
  await expect(page.getByTestId('shown-count')).toHaveText(/^Showing 1 of \d+$/);

  await page.reload();
  await expect(page.locator('[data-hydrated]')).toBeAttached();
  await expect(page.getByRole('searchbox', { name: 'Filter' })).toHaveValue('k8s-worker');
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('NotReady');
  await expect.poll(() => rowNames(page)).toEqual([DEMO_NODES.notReady]);
});

test('a label selector in the filter matches labels exactly', async ({ page }) => {
  await openNodes(page, `?q=${encodeURIComponent(`kubernetes.io/hostname=${DEMO_NODES.memoryPressure}`)}`);
  await expect.poll(() => rowNames(page)).toEqual([DEMO_NODES.memoryPressure]);
});

test('sorting by a column lands in the URL, marks aria-sort and survives a reload', async ({ page }) => {
  await openNodes(page);
  const header = page.getByRole('columnheader', { name: /Mem use/ });
  await header.getByRole('button').click();
  await expect(page).toHaveURL(/sort=memory&dir=desc/);
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  // k8s-worker-2 is under MemoryPressure: its working set is the fleet's highest share of allocatable.
  await expect.poll(async () => (await rowNames(page))[0]).toBe(DEMO_NODES.memoryPressure);

  await page.reload();
  await expect(page.locator('[data-hydrated]')).toBeAttached();
  await expect(page.getByRole('columnheader', { name: /Mem use/ })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await rowNames(page))[0]).toBe(DEMO_NODES.memoryPressure);

  await page.getByRole('columnheader', { name: /Name/ }).getByRole('button').click();
  await expect(page).toHaveURL(/sort=name&dir=asc|\/nodes$/);
  await page.getByRole('columnheader', { name: /Name/ }).getByRole('button').click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect
    .poll(async () => {
      const names = await rowNames(page);
      return (
        names.length > 1 &&
        names.join() === [...names].sort((a, b) => b.localeCompare(a, 'en', { numeric: true })).join()
      );
    })
    .toBe(true);
});

test('unknown URL values are ignored instead of breaking the page', async ({ page }) => {
  await openNodes(page, '?status=Broken&sort=nope&dir=up&pressure=Heat');
  await expect(page.getByTestId('shown-count')).toHaveText(/^Showing all \d+$/);
});

test('the page DOM stays small (virtualized rows)', async ({ page }) => {
  await openNodes(page);
  await expect(row(page, DEMO_NODES.controlPlane)).toBeVisible();
  const elements = await page.evaluate(() => document.querySelectorAll('*').length);
  expect(elements).toBeLessThan(1400);
  const rowCount = Number(await table(page).getAttribute('aria-rowcount'));
  expect(await page.locator('[role="row"]').count()).toBeLessThanOrEqual(rowCount);
});

/** Whether the row is drawn within the table's scrolled viewport (the page itself may scroll too). */
async function insideTable(page: Page, name: string): Promise<boolean> {
  const [t, r] = await Promise.all([table(page).boundingBox(), row(page, name).boundingBox()]);
  return !!t && !!r && r.y >= t.y && r.y + r.height <= t.y + t.height + 1;
}

test('scrolling the table renders the rows scrolled to, in order, and keeps only a window of them', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 560 });
  await openNodes(page, '?sort=name&dir=asc');
  const total = Number(await table(page).getAttribute('aria-rowcount')) - 1;
  const names = (await kubectl(['get', 'nodes', '-o', 'jsonpath={.items[*].metadata.name}'])).trim().split(/\s+/);
  expect(names).toHaveLength(total);
  // fewer rows in the DOM than the list has, or this test proves nothing about windowing
  const before = await rowNames(page);
  expect(before.length).toBeLessThan(total);
  await table(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  // the order the page sorts names in (lib/view/node-sort.ts)
  const last = [...names].sort(new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare).at(-1)!;
  await expect(row(page, last)).toHaveAttribute('aria-rowindex', String(total + 1));
  await expect.poll(() => insideTable(page, last)).toBe(true);
  const after = await rowNames(page);
  expect(after.length).toBeLessThan(total);
  expect(after).not.toContain(before[0]);
  // back at the top, the first row is drawn again
  await table(page).evaluate((el) => el.scrollTo({ top: 0 }));
  await expect.poll(() => insideTable(page, before[0]!)).toBe(true);
});

test('shows a ticking "updated N s ago" and refreshes', async ({ page }) => {
  await openNodes(page);
  const freshness = page.getByTestId('freshness');
  await expect(freshness).toContainText(/Updated (just now|\d+ s ago)/);
  await expect(freshness).toContainText(/Updated [2-9] s ago/, { timeout: 9_000 });
});

test('the context switcher lists the kubeconfig contexts and switching keeps working', async ({ page }) => {
  await openNodes(page);
  const select = page.getByRole('combobox', { name: 'Context' });
  await expect(select.locator('option')).toContainText(['sim-admin', 'sim-viewer']);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/contexts/current') && r.request().method() === 'POST'),
    select.selectOption('sim-viewer'),
  ]);
  expect(response.status()).toBe(200);
  await expect(select).toHaveValue('sim-viewer');
  await expect(row(page, DEMO_NODES.notReady).getByText('NotReady', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-hydrated]')).toBeAttached();
  await expect(page.getByRole('combobox', { name: 'Context' })).toHaveValue('sim-viewer');
});

test('without metrics-server the usage columns say so and the rest still works', async ({ page }) => {
  await withoutMetrics(async () => {
    await openNodes(page);
    // Metrics are cached for one fleet refresh period (2 s in e2e) and the page polls every 10 s.
    await expect(page.getByRole('region', { name: 'Metrics unavailable' })).toBeVisible({ timeout: 30_000 });
    const worker1 = row(page, DEMO_NODES.kubeadmClean[0]);
    await expect(worker1.getByRole('cell').nth(6)).toHaveText('metrics unavailable');
    await expect(row(page, DEMO_NODES.notReady).getByText('NotReady', { exact: true })).toBeVisible();
    await expect(worker1.getByRole('cell').nth(8)).toHaveText(/\d+%/); // requests come from pods, not metrics
  });
});

test('a slow kubelet is flagged as a straggler while its answer is outstanding, and keeps its value', async ({
  page,
}) => {
  // The demo's slow kubelet answers after ~2.5 s; each sweep (every 2 s here) marks it "slow…" after 500 ms
  // on the wire, next to the previous sweep's value, until the answer lands.
  await openNodes(page, `?q=${encodeURIComponent(DEMO_NODES.slow)}`);
  const r = row(page, DEMO_NODES.slow);
  await expect(r.getByText('slow…')).toBeVisible({ timeout: 20_000 });
  await expect(r.getByText('slow…')).toBeHidden({ timeout: 20_000 });
  // then its answer: headroom against a threshold (or "ok"), not a failure
  await expect(r.getByTitle(/above its hard eviction threshold|^answered /)).toBeVisible();
  await expect(r.getByText(/timed out|pending…|unreachable/)).toHaveCount(0);
});

test('a node under MemoryPressure shows as evicting against its own evictionHard, not the defaults', async ({
  page,
}) => {
  await openNodes(page, `?q=${encodeURIComponent(DEMO_NODES.memoryPressure)}`);
  const cell = row(page, DEMO_NODES.memoryPressure).getByText(/^evicting/);
  await expect(cell).toBeVisible({ timeout: 20_000 });
  await expect(cell).toHaveAttribute('title', /^memory\.available: -[\d.]+% .*per the node's evictionHard/);
});

import type { Page } from '@playwright/test';
import { DEMO_CSRS } from '../sim/fleet/demo-layout';
import { expect, kubectl, test } from './fixtures';

/**
 * Issue 16 item 5: the keyboard. A skip link first, `/` to the filter, j/k and Enter through table rows, `?` for
 * the list of shortcuts (a modal dialog Escape closes), single keys inert while typing, and focus kept on the
 * next row after Approve instead of dropping to <body>.
 */

test.use({ viewport: { width: 1280, height: 800 } });
// each test loads a page or two and waits on the app's live data; a shared CI machine can be slow
test.describe.configure({ timeout: 120_000 });

const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return {
      tag: a?.tagName ?? '',
      node: a?.getAttribute('data-node') ?? null,
      csr: a?.getAttribute('data-csr') ?? null,
      id: a?.id ?? '',
    };
  });

async function openNodes(page: Page) {
  await page.goto('/nodes');
  await expect(page.getByRole('table', { name: 'Nodes' })).toBeVisible();
  await expect(page.locator('[data-hydrated]')).toBeAttached();
}

test('the skip link is the first Tab stop and lands on the main content', async ({ page }) => {
  await openNodes(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('/ focuses the filter; j/k move through rows, Enter opens one; keys typed in the filter stay text', async ({
  page,
}) => {
  await openNodes(page);
  await page.keyboard.press('/');
  const filter = page.getByRole('searchbox', { name: 'Filter' });
  await expect(filter).toBeFocused();
  await page.keyboard.type('k8s-worker-j');
  await expect(filter).toHaveValue('k8s-worker-j'); // neither / nor j nor k acted as shortcuts
  await filter.fill('k8s-worker');
  await page.locator('main').focus();

  const rows = page.locator('[role="row"][data-node]');
  const names = await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-node')));
  expect(names.length).toBeGreaterThan(2);
  await page.keyboard.press('j');
  expect((await focused(page)).node).toBe(names[0]);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  expect((await focused(page)).node).toBe(names[2]);
  await page.keyboard.press('k');
  expect((await focused(page)).node).toBe(names[1]);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/nodes/${names[1]}$`), { timeout: 30_000 });
  await expect(page.getByTestId('node-header')).toContainText(names[1]!);
});

test('? opens the shortcuts dialog; Escape closes it and focus returns', async ({ page }) => {
  await openNodes(page);
  await page.locator('main').focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('rowheader', { name: '/' })).toBeVisible();
  await expect(dialog).toContainText('Next row of the table');
  // focus is inside the dialog, and j does nothing to the table behind it
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('j');
  expect((await focused(page)).node).toBeNull();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('main')).toBeFocused();
});

test('after Approve in the CSR table, focus moves to the next row instead of <body>', async ({ page }) => {
  const name = DEMO_CSRS.goodBootstrapClient;
  await page.goto('/csrs');
  const table = page.getByTestId('csr-table');
  await expect(table).toBeVisible();
  // the table's keys work once React has hydrated it: j focuses a row then
  await expect
    .poll(async () => {
      await page.keyboard.press('j');
      return (await focused(page)).csr;
    })
    .not.toBeNull();
  const order = await table.locator('tr[data-csr]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-csr')));
  const at = order.indexOf(name);
  expect(at).toBeGreaterThanOrEqual(0);
  const next = order[at + 1] ?? order[at - 1];

  const approve = page.getByRole('button', { name: `Approve ${name}` });
  await expect(approve).toBeEnabled();
  await approve.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => kubectl(['get', 'csr', name]), { timeout: 30_000 }).toMatch(/Approved/);
  await expect.poll(async () => (await focused(page)).csr).toBe(next);
  // from the row, j carries on down the list
  await page.keyboard.press('j');
  expect((await focused(page)).csr).toBe(order[order.indexOf(next!) + 1] ?? next);
});

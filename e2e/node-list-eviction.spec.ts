import type { Page } from '@playwright/test';
import { DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, test } from './fixtures';

/**
 * Issue 16 item 2: the node list answers "which nodes are about to evict, on which signal" without hovering:
 * the Eviction column names the signal and says what its percentage means, sorts by headroom (closest first),
 * the Pressure column says which signal is behind a condition when the row shows it, and "N cordoned" is a
 * filter kept in the URL like the others.
 */

test.use({ viewport: { width: 1280, height: 800 } });

const table = (page: Page) => page.getByRole('table', { name: 'Nodes' });
const row = (page: Page, name: string) => page.locator(`[role="row"][data-node="${name}"]`);
const HEADROOM = /^(?:evicting · )?[A-Za-z ]+: ([\d.]+) % (above|below) threshold$/;

async function openNodes(page: Page, query = '') {
  await page.goto(`/nodes${query}`);
  await expect(table(page)).toBeVisible();
  await expect(page.locator('[data-hydrated]')).toBeAttached();
}

/** The Eviction cell's visible text of every rendered row, in display order (virtualized: the first screenful). */
const evictionTexts = (page: Page) =>
  page
    .locator('[role="row"][data-node]')
    .evaluateAll((rows) =>
      rows
        .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
        .map((r) => (r.querySelectorAll('[role="cell"]')[13] as HTMLElement | undefined)?.innerText.trim() ?? ''),
    );

const signed = (text: string) => {
  const m = HEADROOM.exec(text);
  return m ? Number(m[1]) * (m[2] === 'below' ? -1 : 1) : undefined;
};

test('the Eviction column names the signal and the meaning, and sorts closest-to-evicting first', async ({ page }) => {
  test.slow(); // waits for a whole sweep, then a reload
  await openNodes(page);
  const worker = row(page, DEMO_NODES.kubeadmClean[0]!);
  await expect(worker.getByText(HEADROOM)).toBeVisible({ timeout: 20_000 });

  await page.getByRole('button', { name: /^Eviction/ }).click();
  await expect(page).toHaveURL(/sort=eviction&dir=asc/);
  await expect(page.getByRole('columnheader', { name: /Eviction/ })).toHaveAttribute('aria-sort', 'ascending');
  // a node past its threshold comes first; measured values ascend down the list
  await expect
    .poll(async () => {
      const values = (await evictionTexts(page)).map(signed);
      const measured = values.filter((v): v is number => v !== undefined);
      const ascending = measured.every((v, i) => i === 0 || measured[i - 1]! <= v);
      return { first: measured[0]! < 0, ascending, count: measured.length };
    })
    .toMatchObject({ first: true, ascending: true });
  await expect(
    row(page, DEMO_NODES.memoryPressure).getByText(/^evicting · memory: [\d.]+ % below threshold$/),
  ).toBeVisible();

  // the Pressure column says which signal is behind the condition
  await expect(row(page, DEMO_NODES.memoryPressure).getByTestId('pressure-cause')).toHaveText('memory below threshold');

  // the sort is in the URL: a reload keeps it
  await page.reload();
  await expect(page.getByRole('columnheader', { name: /Eviction/ })).toHaveAttribute('aria-sort', 'ascending');
});

test('"N cordoned" is a filter, in the URL', async ({ page }) => {
  await openNodes(page);
  const toggle = page.getByRole('group', { name: 'Node counts' }).getByRole('button', { name: /cordoned/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const count = Number((await toggle.innerText()).match(/\d+/)?.[0]);
  expect(count).toBeGreaterThan(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/cordoned=true/);
  await expect(page.getByTestId('shown-count')).toHaveText(new RegExp(`^Showing ${count} of \\d+$`));
  const rows = page.locator('[role="row"][data-node]');
  await expect(rows).toHaveCount(count);
  for (const r of await rows.all()) await expect(r.getByText('SchedulingDisabled')).toBeVisible();

  await page.reload();
  await expect(rows).toHaveCount(count);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page).not.toHaveURL(/cordoned/);
  await expect(page.getByTestId('shown-count')).toHaveText(/^Showing all \d+$/);
});

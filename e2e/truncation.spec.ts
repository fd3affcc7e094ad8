import type { Locator, Page } from '@playwright/test';
import { DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, test } from './fixtures';

/**
 * Issue 16 item 6: long names that share a prefix stay distinguishable. The two GKE-like demo nodes differ only
 * in their last four characters; the node list truncates in the middle, so each row shows its own suffix, and
 * the whole name is there for hover (title), keyboard focus and screen readers (accessible name).
 */

test.use({ viewport: { width: 1280, height: 800 } });

const row = (page: Page, name: string) => page.locator(`[role="row"][data-node="${name}"]`);

/** Whether the element's own box clips its text (it is drawn with an ellipsis). */
const clipped = (l: Locator) => l.evaluate((el) => el.scrollWidth > el.clientWidth);

test('two GKE node names sharing a long prefix show their different suffixes', async ({ page }) => {
  await page.goto('/nodes?q=gke-prod');
  await expect(page.locator('[data-hydrated]')).toBeAttached();
  const [a, b] = DEMO_NODES.gke;
  const tails: string[] = [];
  for (const name of [a, b]) {
    const link = row(page, name).getByRole('link', { name, exact: true }); // accessible name = the whole name
    await expect(link).toBeVisible();
    await expect(link.locator('[data-truncate]')).toHaveAttribute('title', name);
    // However wide the column is today (layouts change, screens differ), squeeze the name to 9rem, narrower than
    // the GKE names: what must hold is how it truncates.
    await link.evaluate((el) => ((el.parentElement as HTMLElement).style.width = '9rem'));
    const head = link.locator('[data-part="head"]');
    const tail = link.locator('[data-part="tail"]');
    // the shared prefix is what gets the ellipsis, the suffix stays whole and visible
    expect(await clipped(head)).toBe(true);
    await expect(tail).toBeVisible();
    expect(await clipped(tail)).toBe(false);
    tails.push((await tail.textContent()) ?? '');
    // the tail is drawn inside the cell, not scrolled or cut away
    const cell = await row(page, name).getByRole('cell').first().boundingBox();
    const box = await tail.boundingBox();
    expect(box && cell && box.x + box.width <= cell.x + cell.width + 1).toBe(true);

    // keyboard focus lifts the truncation: the whole name is drawn. (Retried as a whole: the list re-renders
    // its rows when a poll lands, which can take focus away between focusing and measuring.)
    await expect(async () => {
      await link.focus();
      await expect(link).toBeFocused();
      expect(await clipped(head)).toBe(false);
    }).toPass({ timeout: 10_000 });
    await link.blur();
  }
  expect(tails).toEqual([a.slice(a.lastIndexOf('-')), b.slice(b.lastIndexOf('-'))]);
  expect(tails[0]).not.toBe(tails[1]);
});

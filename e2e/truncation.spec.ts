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

/** The box of an element, which must be drawn. */
const boxOf = async (l: Locator) => {
  const box = await l.boundingBox();
  if (!box) throw new Error('not drawn');
  return box;
};

test('a long taint in the node list keeps its effect visible and its whole value in the DOM', async ({ page }) => {
  const node = DEMO_NODES.controlPlane;
  const taint = 'node-role.kubernetes.io/control-plane:NoSchedule';
  await page.goto(`/nodes?q=${node}`);
  await expect(page.locator('[data-hydrated]')).toBeAttached();
  const cell = row(page, node).getByRole('cell').last(); // Scheduling
  const value = cell.locator('[data-truncate]');
  await expect(value).toHaveAttribute('title', taint); // hover
  await expect(value).toHaveText(taint); // screen readers, find-in-page, copy
  // the Scheduling column is the table's last (8.25rem at least): no room for the taint's 48 characters
  await value.scrollIntoViewIfNeeded();
  const head = value.locator('[data-part="head"]');
  const tail = value.locator('[data-part="tail"]');
  expect(await clipped(head)).toBe(true);
  await expect(tail).toHaveText(':NoSchedule');
  await expect(tail).toBeVisible();
  expect(await clipped(tail)).toBe(false);
  const [c, t] = [await boxOf(cell), await boxOf(tail)];
  expect(t.x + t.width).toBeLessThanOrEqual(c.x + c.width + 1);
});

test.describe('on a 390×844 phone, the node page', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('two taints sharing a long key show their different effects', async ({ page, consoleErrors }) => {
    const node = DEMO_NODES.notReady; // its kubelet is unreachable: the panels' reads answer 502
    consoleErrors.allow(new RegExp(`status of 502 .*/api/nodes/${node}/(configz|summary)\\)$`));
    await page.goto(`/nodes/${node}`);
    const header = page.getByTestId('node-header');
    await expect(header).toBeVisible();
    const tails: string[] = [];
    for (const taint of ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']) {
      const value = header.locator(`[data-truncate][title="${taint}"]`); // hover shows the whole taint
      await expect(value).toHaveText(taint);
      const head = value.locator('[data-part="head"]');
      const tail = value.locator('[data-part="tail"]');
      // half a phone's width cannot hold 41 characters: the shared key is cut, the effect is whole
      expect(await clipped(head)).toBe(true);
      await expect(tail).toBeVisible();
      expect(await clipped(tail)).toBe(false);
      const t = await boxOf(tail);
      expect(t.x + t.width).toBeLessThanOrEqual(390);
      tails.push((await tail.textContent()) ?? '');
    }
    expect(tails).toEqual([':NoSchedule', ':NoExecute']);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
  });

  /** The Addresses entry of `type` ("Hostname"): its label and its value. */
  const address = (page: Page, type: string) => {
    const entry = page
      .getByTestId('node-header')
      .locator('dd > span')
      .filter({ has: page.getByText(type, { exact: true }) });
    return { label: entry.getByText(type, { exact: true }), value: entry.locator('[data-truncate]') };
  };

  test('a long hostname keeps its unique suffix, a short one shows whole, neither under its label', async ({
    page,
    consoleErrors,
  }) => {
    const gke = DEMO_NODES.gke[0];
    await page.goto(`/nodes/${gke}`);
    const long = address(page, 'Hostname');
    await expect(long.value).toHaveAttribute('title', gke);
    await expect(long.value).toHaveText(gke);
    expect(await clipped(long.value.locator('[data-part="head"]'))).toBe(true);
    const tail = long.value.locator('[data-part="tail"]');
    await expect(tail).toHaveText(gke.slice(gke.lastIndexOf('-')));
    await expect(tail).toBeVisible();
    expect(await clipped(tail)).toBe(false);
    // the label stays whole and the value starts after it (they must not draw over each other)
    for (const { label, value } of [long, address(page, 'InternalIP'), address(page, 'ExternalIP')]) {
      expect(await clipped(label)).toBe(false);
      const [l, v] = [await boxOf(label), await boxOf(value)];
      expect(l.x + l.width).toBeLessThanOrEqual(v.x + 0.5);
      expect(v.x + v.width).toBeLessThanOrEqual(390);
    }
    // an IP address is not split: it has room to show whole, its last octet included
    expect(await clipped(address(page, 'ExternalIP').value.locator('[data-part="head"]'))).toBe(false);

    // k8s-worker-7 (12 characters) is too short to split: it must have room, or it reads "k8s-work…" like -6
    const node = DEMO_NODES.notReady;
    consoleErrors.allow(new RegExp(`status of 502 .*/api/nodes/${node}/(configz|summary)\\)$`));
    await page.goto(`/nodes/${node}`);
    const short = address(page, 'Hostname');
    await expect(short.value).toHaveText(node);
    expect(await clipped(short.value.locator('[data-part="head"]'))).toBe(false);
    const [l, v] = [await boxOf(short.label), await boxOf(short.value)];
    expect(l.x + l.width).toBeLessThanOrEqual(v.x + 0.5);
  });
});

import type { Page } from '@playwright/test';
import { DEMO_CSRS, DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, test } from './fixtures';

/**
 * Issue 16 item 11: a phone (390×844) never scrolls sideways and keeps the context switcher in reach; the theme is
 * system/light/dark from the header, remembered across loads, and the server renders the choice (no flash).
 */

const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const WHITE = 'rgb(255, 255, 255)';

test.describe('on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const path of [
    '/nodes',
    `/nodes/${DEMO_NODES.memoryPressure}`,
    `/nodes/${DEMO_NODES.driftMaxPods}/explain`,
    '/compare',
    '/posture',
    '/csrs',
    `/csrs/${DEMO_CSRS.goodServing2}`,
    '/clusters',
  ]) {
    test(`${path} does not scroll sideways and shows the context switcher`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('main')).toBeVisible();
      await expect(page.getByLabel('Context')).toBeInViewport();
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await page.waitForTimeout(1500); // progressive columns and panels fill in
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `page width of ${path}`).toBeLessThanOrEqual(390);
    });
  }
});

test('the theme toggle pins light or dark over the OS preference, remembered and rendered by the server', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/nodes');
  const toggle = page.getByTestId('theme-toggle');
  await expect(toggle).toHaveValue('system');
  await expect.poll(() => bodyBackground(page)).not.toBe(WHITE); // system follows the (dark) OS

  await toggle.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => bodyBackground(page)).toBe(WHITE);

  // a new load: the server's HTML already carries the choice, so the first paint is light
  const response = await page.goto('/csrs');
  expect(await response?.text()).toMatch(/<html[^>]* data-theme="light"/);
  await expect(page.getByTestId('theme-toggle')).toHaveValue('light');
  expect(await bodyBackground(page)).toBe(WHITE);

  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('theme-toggle').selectOption('dark');
  await expect.poll(() => bodyBackground(page)).not.toBe(WHITE);

  await page.getByTestId('theme-toggle').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  await expect.poll(() => bodyBackground(page)).toBe(WHITE); // the OS now says light
  const again = await page.goto('/nodes');
  expect(await again?.text()).not.toMatch(/<html[^>]* data-theme=/);
});

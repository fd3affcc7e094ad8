import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Issue 16 at 1280×800 (and phones): asserts that the page does not scroll sideways and that each locator is drawn
 * inside the window's width, so nothing a person needs sits off-screen to the right.
 */
export async function expectFitsWidth(page: Page, locators: readonly Locator[]): Promise<void> {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), 'page width').toBeLessThanOrEqual(width);
  for (const l of locators) {
    const box = await l.boundingBox();
    expect(box, `${l} is drawn`).not.toBeNull();
    expect(box!.x, `${l} starts in the window`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${l} ends in the window`).toBeLessThanOrEqual(width + 0.5);
  }
}

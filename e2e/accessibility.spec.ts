import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_CSRS, DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, test } from './fixtures';

/**
 * axe-core (WCAG 2.x A/AA rules and axe's best practices) on every page, in the light and the dark theme, once the
 * page's data has arrived. A serious or critical violation fails the test and names the rule and the elements.
 * The theme is set both ways the app knows: the OS preference (emulated) and the user's choice (the theme cookie).
 */

const PAGES: Array<{ path: string; ready: (page: Page) => Promise<void> }> = [
  { path: '/nodes', ready: (p) => expect(p.getByRole('link', { name: DEMO_NODES.notReady })).toBeVisible() },
  {
    path: `/nodes/${DEMO_NODES.memoryPressure}`,
    ready: (p) => expect(p.getByText('memory.available').first()).toBeVisible(),
  },
  {
    path: `/nodes/${DEMO_NODES.driftMaxPods}/explain`,
    ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible(),
  },
  { path: '/compare', ready: (p) => expect(p.getByText('Per-node fields').first()).toBeVisible() },
  { path: '/posture', ready: (p) => expect(p.locator('[data-check]').first()).toBeVisible() },
  { path: '/csrs', ready: (p) => expect(p.getByTestId('csr-table')).toBeVisible() },
  { path: `/csrs/${DEMO_CSRS.hostileOtherNodeIp}`, ready: (p) => expect(p.getByTestId('csr-checks')).toBeVisible() },
  // every context answered (the demo's three clusters and two broken contexts)
  { path: '/clusters', ready: (p) => expect(p.getByTestId('overview-status')).toContainText('contexts; each had') },
];

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

function describe(v: Violation): string {
  const where = v.nodes
    .slice(0, 5)
    .map((n) => `    ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').split('\n').slice(1).join(' ').trim()}`)
    .join('\n');
  return `${v.id} (${v.impact}, ${v.nodes.length} elements): ${v.help}\n${where}`;
}

for (const theme of ['light', 'dark'] as const) {
  for (const { path, ready } of PAGES) {
    test(`axe finds no serious or critical violation on ${path} (${theme})`, async ({ page, context, baseURL }) => {
      test.setTimeout(120_000); // axe walks every element of a page full of tables
      await context.addCookies([{ name: 'kd-theme', value: theme, url: baseURL ?? 'http://127.0.0.1' }]);
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path);
      await ready(page);
      await page.waitForTimeout(1000); // progressive columns (kubelet reads) fill in after the first paint
      const result = await new AxeBuilder({ page }).analyze();
      const blocking = (result.violations as Violation[]).filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(blocking.map(describe).join('\n'), `axe on ${path} in ${theme}`).toBe('');
    });
  }
}

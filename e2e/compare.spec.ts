import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, test } from './fixtures';
import { expectFitsWidth } from './layout';

/**
 * Config drift (/compare) against the demo sim: the sim makes k8s-worker-3 differ from the other kubeadm
 * workers only in maxPods (set by --max-pods, ConfigMap says 32), and leaves some kubelets unreadable.
 */

const clean = DEMO_NODES.kubeadmClean[0];
const drifted = DEMO_NODES.driftMaxPods;

const diffTable = (page: Page) => page.getByRole('table', { name: 'Config differences' });

/** Row keys of the diff table as shown. */
async function shownKeys(page: Page): Promise<string[]> {
  return diffTable(page)
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key') ?? ''));
}

/** Minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  return rows;
}

test('comparing two kubeadm nodes shows exactly the key the sim made them differ in', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`/compare?nodes=${clean},${drifted}&baseline=none`);
  await expect(diffTable(page)).toBeVisible();
  expect(await shownKeys(page)).toEqual(['maxPods']);
  const row = diffTable(page).locator('tbody tr[data-key="maxPods"]');
  await expect(row.getByRole('cell')).toHaveText(['32', '64']);
  // "show all keys" is a toggle in the URL, and brings the equal keys back
  // (the box follows the URL, so click and wait rather than check(), which wants the state at once)
  await page.getByLabel('Show all keys').click();
  await expect(page).toHaveURL(/all=1/);
  await expect(page.getByLabel('Show all keys')).toBeChecked();
  await expect.poll(async () => (await shownKeys(page)).length).toBeGreaterThan(50);
});

test('the fleet view lists the outlier node', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/compare');
  const variants = page
    .getByRole('region', { name: /Fleet variants/ })
    .or(page.locator('section[aria-labelledby="variants-title"]'));
  const card = variants.locator('li[data-variant]', { hasText: drifted });
  // every kubelet is read first, one of them slow (2.5 s): allow for a loaded machine
  await expect(card).toContainText('outlier', { timeout: 45_000 });
  await expect(card).toContainText('maxPods');
  await expect(card).toContainText('64');
});

test('the ConfigMap baseline flags the flag-set maxPods and names the flag', async ({ page }) => {
  await page.goto(`/compare?nodes=${clean},${drifted}`);
  const baseline = page.locator('section[aria-labelledby="baseline-title"]');
  await expect(baseline).toContainText('kube-system/kubelet-config');
  const row = baseline.locator(`[data-variant] tr[data-key="maxPods"]`);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('--max-pods');
  await expect(row).toContainText('32');
  await expect(row).toContainText('64');
  await expect(row).toContainText('kubeadm-flags.env');
  await expect(baseline).toContainText(`Matches: ${clean}`);
  // the answer to "what differs from the ConfigMap" comes before the fleet's variants
  const variants = page.locator('section[aria-labelledby="variants-title"]');
  const [b, v] = await Promise.all([baseline.boundingBox(), variants.boundingBox()]);
  expect(b && v && b.y < v.y).toBe(true);
});

test('an unreachable node appears as unknown with its reason', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`/compare?nodes=${clean},${DEMO_NODES.unreachable}`);
  const unknown = page
    .getByRole('list', { name: 'Unknown nodes' })
    .locator(`li[data-node="${DEMO_NODES.unreachable}"]`);
  await expect(unknown).toContainText('KubeletUnreachable');
  await expect(unknown).toContainText('could not be reached');
  // with every key shown, its column is there and says why it is empty
  await page.getByLabel('Show all keys').click();
  await expect(page).toHaveURL(/all=1/);
  const header = diffTable(page).getByRole('columnheader').filter({ hasText: DEMO_NODES.unreachable });
  await expect(header).toContainText('unknown: KubeletUnreachable');
});

test('an exported CSV opens with the same rows as the table', async ({ page }) => {
  await page.goto(`/compare?nodes=k8s-worker-1,${drifted},${DEMO_NODES.driftEviction},${DEMO_NODES.driftCgroupDriver}`);
  await expect(diffTable(page)).toBeVisible();
  const keys = await shownKeys(page);
  expect(keys).toEqual(expect.arrayContaining(['maxPods', 'evictionHard.memory.available', 'cgroupDriver']));

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'CSV' }).click(),
  ]);
  // sections as on the page: the baseline's findings, the variants, the diff table, the unreadable nodes (lib/domain/compare-export.ts)
  const sections = (await readFile((await download.path()) as string, 'utf8'))
    .split('\r\n\r\n')
    .map((s) => readCsv(s.endsWith('\r\n') ? s : `${s}\r\n`));
  expect(sections.map((s) => s[0]?.[0])).toEqual([
    'Against baseline kube-system/kubelet-config',
    'Fleet variants',
    'Differing keys',
    'Unreadable nodes (config unknown)',
  ]);
  const baseline = sections[0] ?? [];
  const maxPodsFinding = baseline.find((r) => r[3] === 'maxPods');
  expect(maxPodsFinding?.[1]).toContain(drifted);
  expect(maxPodsFinding?.slice(4, 7)).toEqual(['32', '64', "'--max-pods"]);

  const rows = (sections[2] ?? []).slice(1);
  expect(rows[0]).toEqual([
    'key',
    'k8s-worker-1',
    drifted,
    DEMO_NODES.driftEviction,
    DEMO_NODES.driftCgroupDriver,
    'differs',
  ]);
  expect(rows.slice(1).map((r) => r[0])).toEqual(keys);
  const maxPods = rows.find((r) => r[0] === 'maxPods');
  expect(maxPods?.slice(1, 3)).toEqual(['32', '64']);
});

test.describe('at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the baseline findings come first, on the first screen, with no sideways scrolling', async ({ page }) => {
    await page.goto(`/compare?nodes=${clean},${drifted}`);
    const baseline = page.locator('section[aria-labelledby="baseline-title"]');
    const row = baseline.locator('[data-variant] tr[data-key="maxPods"]');
    await expect(row).toContainText('--max-pods');
    await expect(page.locator('#baseline-title')).toBeInViewport(); // no scrolling down to find the answer
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expectFitsWidth(page, [
      baseline,
      row.getByRole('cell').first(),
      row.getByRole('cell').last(),
      page.getByRole('combobox', { name: 'Baseline', exact: true }),
      page.getByLabel('Show all keys'),
      page.getByRole('link', { name: 'CSV', exact: true }),
      page.getByRole('link', { name: 'Markdown', exact: true }),
      page.getByRole('button', { name: /^(Refresh|Reading configz…)$/ }),
    ]);
    const variants = page.locator('section[aria-labelledby="variants-title"]');
    const [b, v] = await Promise.all([baseline.boundingBox(), variants.boundingBox()]);
    expect(b && v && b.y < v.y).toBe(true);
  });
});

import type { Page } from '@playwright/test';
import { DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, kubectl, test } from './fixtures';

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

interface PressureRow {
  index: number;
  name: string;
  pressures: string[];
}

/**
 * Every row in display order with the pressure conditions its Pressure cell shows as True. The table renders
 * only the rows in view (and a few more): read them with the list scrolled to the bottom, then back to the top.
 */
async function pressureEvidence(page: Page): Promise<PressureRow[]> {
  const rows = new Map<number, PressureRow>();
  for (const to of ['bottom', 'top'] as const) {
    const shown = await page
      .locator('[role="row"][data-node]')
      .first()
      .evaluate(async (first, where) => {
        let box: HTMLElement | null = first.parentElement;
        while (box && !(box.scrollHeight > box.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(box).overflowY)))
          box = box.parentElement;
        const scroller = box ?? document.scrollingElement!;
        scroller.scrollTop = where === 'top' ? 0 : scroller.scrollHeight;
        // the rows in view are rendered after the scroll event: two frames
        for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
        return [...document.querySelectorAll('[role="row"][data-node]')].map((r) => ({
          index: Number(r.getAttribute('aria-rowindex')),
          name: r.getAttribute('data-node') ?? '',
          pressures:
            ((r.querySelectorAll('[role="cell"]')[11] as HTMLElement | undefined)?.innerText ?? '') // Pressure
              .match(/\b(?:Memory|Disk|PID)Pressure\b/g) ?? [],
        }));
      }, to);
    for (const r of shown) rows.set(r.index, r);
  }
  return [...rows.values()].sort((a, b) => a.index - b.index);
}

test('the Pressure column sorts by the conditions each row shows: pressured nodes first, then last', async ({
  page,
}) => {
  // the truth: every node's pressure conditions that are True, as kubectl reads them
  const list = JSON.parse(await kubectl(['get', 'nodes', '-o', 'json'])) as {
    items: Array<{ metadata: { name: string }; status: { conditions: Array<{ type: string; status: string }> } }>;
  };
  const truth = new Map(
    list.items.map((n) => [
      n.metadata.name,
      n.status.conditions.filter((c) => c.type.endsWith('Pressure') && c.status === 'True').map((c) => c.type),
    ]),
  );
  const pressured = [...truth].filter(([, p]) => p.length > 0).map(([name]) => name);
  expect(pressured).toEqual(expect.arrayContaining([DEMO_NODES.memoryPressure, DEMO_NODES.diskPressure]));
  const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

  await openNodes(page);
  const header = page.getByRole('columnheader', { name: /^Pressure/ });
  await expect(header).toHaveAttribute('aria-sort', 'none');
  await header.getByRole('button').click();
  await expect(page).toHaveURL(/sort=pressure&dir=desc/);
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const check = async (dir: 'asc' | 'desc') => {
    const rows = await pressureEvidence(page);
    expect(
      rows.map((r) => r.index),
      'every row was read',
    ).toEqual(list.items.map((_, i) => i + 2));
    // each row shows the conditions kubectl reports
    for (const r of rows) expect([...r.pressures].sort()).toEqual([...(truth.get(r.name) ?? [])].sort());
    const counts = rows.map((r) => r.pressures.length);
    // the order follows the evidence, equal counts by name
    const expected = [...rows].sort(
      (a, b) => (dir === 'desc' ? -1 : 1) * (a.pressures.length - b.pressures.length) || byName(a.name, b.name),
    );
    expect(rows.map((r) => r.name)).toEqual(expected.map((r) => r.name));
    return counts;
  };
  // the URL changes before the rows re-render: retry the whole check
  await expect(async () => {
    const counts = await check('desc');
    expect(counts.slice(0, pressured.length).every((c) => c > 0)).toBe(true);
  }).toPass({ timeout: 10_000 });
  await expect(row(page, DEMO_NODES.memoryPressure).getByText('MemoryPressure')).toBeVisible();

  // a second click turns it round: the nodes without pressure first
  await header.getByRole('button').click();
  await expect(page).toHaveURL(/sort=pressure&dir=asc/);
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(async () => {
    const counts = await check('asc');
    expect(counts.slice(-pressured.length).every((c) => c > 0)).toBe(true);
    expect(counts[0]).toBe(0);
  }).toPass({ timeout: 10_000 });
});

import { DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, test } from './fixtures';

/**
 * Issue 16 item 3: a node page opens with the history the server kept while the fleet was watched, not an empty
 * chart. The node list's stream sweeps every 2 s in the e2e server (playwright.config.ts), so a few seconds on
 * /nodes leave several samples of every node behind.
 */

test.use({ viewport: { width: 1280, height: 800 } });

test('the node page chart starts with samples gathered before the page was opened', async ({ page, request }) => {
  const node = DEMO_NODES.memoryPressure;
  await page.goto('/nodes');
  await expect(page.getByRole('table', { name: 'Nodes' })).toBeVisible();
  // the fleet is being watched: wait until the server holds a few samples of the node
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/nodes/${node}/history`);
        expect(res.ok()).toBe(true);
        return ((await res.json()) as { samples: unknown[] }).samples.length;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(3);

  const openedAt = Date.now();
  await page.goto(`/nodes/${node}`);
  const chart = page.getByTestId('signal-chart');
  await expect(chart).toBeVisible();
  await expect(page.getByTestId('history-source')).toContainText(/\d+ samples kept by the dashboard's server/);
  // the older part of the hour is kept one sample per minute (lib/fleet/signal-history.ts), and the page says so
  await expect(page.getByTestId('history-source')).toContainText(
    "Samples older than 15 min are one per minute: each signal's lowest amount in that minute.",
  );
  await expect.poll(async () => Number(await chart.getAttribute('data-samples'))).toBeGreaterThanOrEqual(3);
  expect(Number(await chart.getAttribute('data-first-sample'))).toBeLessThan(openedAt);

  // a real chart: uPlot's canvas with time and value axes, and the threshold line in its legend
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(chart.locator('.u-legend')).toContainText('hard threshold');
  await expect(chart.locator('.u-axis')).toHaveCount(2);
  await expect(chart.locator('figcaption')).toContainText(/memory\.available: .* now, lowest .* hard threshold/);
});

/** What the chart's canvas draws, recorded from CanvasRenderingContext2D: uPlot draws ticks and lines there. */
interface Drawn {
  texts: string[];
  strokes: Array<{ style: string; dash: number[]; width: number }>;
}

test("the chart's axes carry units and the hard threshold is a dashed red line", async ({ page, request }) => {
  const node = DEMO_NODES.memoryPressure;
  await page.addInitScript(() => {
    const drawn: Drawn = { texts: [], strokes: [] };
    (window as unknown as { __drawn: Drawn }).__drawn = drawn;
    const inChart = (ctx: CanvasRenderingContext2D) => !!ctx.canvas.closest?.('[data-testid="signal-chart"]');
    const proto = CanvasRenderingContext2D.prototype;
    const { fillText, stroke } = proto;
    proto.fillText = function (this: CanvasRenderingContext2D, text: string, ...rest: [number, number, number?]) {
      if (inChart(this)) drawn.texts.push(String(text));
      return fillText.call(this, text, ...rest);
    };
    proto.stroke = function (this: CanvasRenderingContext2D, ...args: [Path2D?]) {
      if (inChart(this))
        drawn.strokes.push({ style: String(this.strokeStyle), dash: this.getLineDash(), width: this.lineWidth });
      return (stroke as (...a: unknown[]) => void).apply(this, args);
    };
  });
  // a few samples kept by the server, so the chart has a line to draw
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/nodes/${node}/history`);
        return res.ok() ? ((await res.json()) as { samples: unknown[] }).samples.length : 0;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(2);
  await page.goto(`/nodes/${node}`);
  const chart = page.getByTestId('signal-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  await chart.scrollIntoViewIfNeeded();
  // the caption names the signal's threshold in its unit: the same amount the chart must draw
  const caption = chart.locator('figcaption');
  await expect(caption).toContainText(/hard threshold [\d.]+ [KMGT]?i?B \(dashed red\)/);
  const threshold = /hard threshold ([\d.]+ [KMGT]?i?B)/.exec((await caption.textContent()) ?? '')?.[1];

  const drawn = () => page.evaluate(() => (window as unknown as { __drawn: Drawn }).__drawn);
  // the value axis: every tick is an amount with its unit (bytes for memory.available), at least two of them
  const BYTES = /^-?[\d.]+ (B|KiB|MiB|GiB|TiB)$/;
  await expect
    .poll(async () => (await drawn()).texts.filter((t) => BYTES.test(t)).length, { timeout: 10_000 })
    .toBeGreaterThanOrEqual(2);
  const { texts, strokes } = await drawn();
  // the time axis: clock times
  expect(
    texts.some((t) => /\d{1,2}:\d{2}/.test(t)),
    `time ticks among ${JSON.stringify(texts)}`,
  ).toBe(true);
  // and the value axis is labelled (uPlot draws axis labels on the canvas too)
  expect(texts).toContain('available');
  // the threshold: a dashed red stroke, and the signal itself a solid blue one
  expect(strokes.some((s) => s.style === '#dc2626' && s.dash.length > 0)).toBe(true);
  expect(strokes.some((s) => s.style === '#0284c7' && s.dash.length === 0)).toBe(true);

  // hovering the plot shows each series' value in its unit: the threshold is the amount the caption names
  const plot = chart.locator('.u-over');
  const box = await plot.boundingBox();
  if (!box) throw new Error('no plot area');
  await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
  const legend = chart.locator('.u-legend');
  await expect(legend.locator('tr', { hasText: 'hard threshold' }).locator('.u-value')).toHaveText(threshold!);
  await expect(legend.locator('tr', { hasText: /^available/ }).locator('.u-value')).toHaveText(BYTES);
});

test('a hostile node name gets a clear error, not a history', async ({ request }) => {
  const res = await request.get(`/api/nodes/${encodeURIComponent('../../etc')}/history`);
  expect(res.status()).toBe(422);
  expect(((await res.json()) as { reason: string }).reason).toBe('Invalid');
});

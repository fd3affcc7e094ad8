import type { Request } from '@playwright/test';
import { DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, test } from './fixtures';

/**
 * Issue 16 item 4: every panel of the node page says when its data was read ("read 12 s ago", the absolute times on
 * hover) and has a refresh that re-reads that panel's data past the server's caches, and nothing else.
 */
const node = DEMO_NODES.kubeadmClean[0];
const AGO = /^read (just now|\d+ s ago|\d+ min ago)$/;
const PANELS = [
  { id: 'budget', title: 'Resource budget', reads: /configz read at/ },
  { id: 'eviction', title: 'Eviction', reads: /stats\/summary read at/ },
  { id: 'posture', title: 'Security posture', reads: /configz read at/ },
  { id: 'config', title: 'Effective kubelet config', reads: /configz read at/ },
] as const;

test('each node panel says when its data was read, and its refresh re-reads only that panel past the cache', async ({
  page,
}) => {
  await page.goto(`/nodes/${node}`);
  for (const p of PANELS) {
    const read = page.getByTestId(`read-at-${p.id}`);
    await expect(read).toHaveText(AGO);
    await expect(read).toHaveAttribute('title', p.reads);
    await expect(read).toHaveAttribute('title', /\d{1,2}:\d\d:\d\d/);
  }

  const configRead = page.getByTestId('read-at-config').locator('time');
  const before = Date.parse((await configRead.getAttribute('datetime')) ?? '');
  await page.waitForTimeout(2500); // past the server's refresh floor (FRESH_READ_FLOOR_MS), so it reads the kubelet again
  const asked: string[] = [];
  const track = (r: Request) =>
    void (r.url().includes('/api/nodes/') && asked.push(new URL(r.url()).pathname + new URL(r.url()).search));
  page.on('request', track);
  const fresh = page.waitForResponse((r) => r.url().endsWith(`/api/nodes/${node}/configz?fresh=1`) && r.ok());
  await page.getByRole('button', { name: 'Refresh Effective kubelet config' }).click();
  const body = (await (await fresh).json()) as { fetchedAt: string };
  expect(Date.parse(body.fetchedAt)).toBeGreaterThan(before);
  await expect(configRead).toHaveAttribute('datetime', body.fetchedAt);
  await expect(page.getByTestId('read-at-config')).toHaveText(/^read (just now|\d s ago)$/);
  // the posture panel shows the same configz: it is as current now; the eviction panel's summary was not asked for
  await expect(page.getByTestId('read-at-posture').locator('time')).toHaveAttribute('datetime', body.fetchedAt);
  page.off('request', track);
  expect(asked.filter((u) => u.includes('fresh=1'))).toEqual([`/api/nodes/${node}/configz?fresh=1`]);

  // the eviction panel's refresh re-reads stats/summary (and its other inputs) past the cache
  const summary = page.waitForResponse((r) => r.url().endsWith(`/api/nodes/${node}/summary?fresh=1`) && r.ok());
  await page.getByRole('button', { name: 'Refresh Eviction' }).click();
  const s = (await (await summary).json()) as { fetchedAt: string };
  const shown = await page.evaluate((iso) => new Date(iso).toLocaleString(), s.fetchedAt);
  await expect(page.getByTestId('read-at-eviction')).toHaveAttribute(
    'title',
    new RegExp(`stats/summary read at ${shown}`),
  );
});

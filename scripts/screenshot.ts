/**
 * Screenshots of a running dashboard for the README and for looking at the pages as a user does:
 *   npm run demo -- --prod &   then   npx tsx scripts/screenshot.ts [baseURL] [outDir]
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const outDir = path.resolve(process.argv[3] ?? 'public/screenshots');
const pages: Array<{ file: string; url: string; ready: string }> = [
  { file: 'nodes.png', url: '/nodes', ready: 'text=k8s-worker-7' },
  { file: 'node-detail.png', url: '/nodes/k8s-worker-2', ready: 'text=memory.available' },
  { file: 'compare.png', url: '/compare', ready: 'text=Per-node fields' },
  { file: 'csrs.png', url: '/csrs', ready: 'text=csr-h1ip7' },
  { file: 'posture.png', url: '/posture?check=4.2.4', ready: '[data-group-status]' },
  { file: 'clusters.png', url: '/clusters', ready: 'text=contexts; each had' },
];

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch(chromiumLaunchOptions());
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    for (const p of pages) {
      await page.goto(base + p.url);
      await page.locator(p.ready).first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1500); // let progressive columns and charts fill in
      const file = scheme === 'light' ? p.file : p.file.replace('.png', '-dark.png');
      await page.screenshot({ path: path.join(outDir, file) });
      console.log('wrote', path.join(outDir, file));
    }
    await page.close();
  }
  await browser.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

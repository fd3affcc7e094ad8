import { scaleSim, stopFleetSim } from './fleet-bench';
import { sleep, startProdServer } from './prod-server';
const { chromium } = await import('@playwright/test');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const s = await scaleSim();
const server = await startProdServer({ buildDir: '.', port: 3495, kubeconfig: s.kubeconfig });
await sleep(12000);
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
for (const [name, url, waits] of [['clusters', '/clusters', [1500, 6000, 20000]], ['posture', '/posture', [2000, 20000]], ['csrs', '/csrs', [2500]], ['nodes', '/nodes', [3000]]] as const) {
  const t0 = performance.now();
  await page.goto(server.base + url);
  for (const w of waits) {
    const left = w - (performance.now() - t0);
    if (left > 0) await sleep(left);
    await page.screenshot({ path: `/tmp/s7/scale-${name}-${w}.png` });
  }
}
await browser.close(); await server.stop(); await stopFleetSim();

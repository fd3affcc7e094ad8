import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/browser';

/**
 * End-to-end tests drive a real browser against the production build running on the demo sim,
 * started exactly as `npm run demo -- --prod` starts it. One worker: the specs share one simulated
 * cluster and some of them change it (approve a CSR, turn metrics off).
 */
const port = Number(process.env.E2E_PORT ?? 3300);
export const E2E_KUBECONFIG = path.resolve('.sim/e2e/kubeconfig');

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx tsx scripts/demo.ts --prod --skip-build --kubeconfig ${E2E_KUBECONFIG}`,
    url: `http://127.0.0.1:${port}/healthz`,
    env: { PORT: String(port), HOST: '127.0.0.1', KD_E2E: '1' },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});

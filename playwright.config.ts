import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/browser';
import { SERVER_KEEP_ALIVE_MS } from './scripts/server-node-options';

/**
 * End-to-end tests drive a real browser against the production build running on the demo sim,
 * started exactly as `npm run demo -- --prod` starts it. One worker: the specs share one simulated
 * cluster and some of them change it (approve a CSR, turn metrics off).
 */
const port = Number(process.env.E2E_PORT ?? 3300);
/** A second server of the same build in shared mode (KD_AUTH_MODE=shared) on the same sim: e2e/shared-mode.spec.ts. */
const sharedPort = Number(process.env.E2E_SHARED_PORT ?? port + 1);
/** the shared server's probe listener (KD_PROBE_PORT), as deploy/deployment.yaml runs it; e2e/shared-mode.spec.ts */
export const E2E_PROBE_PORT = sharedPort + 100;
export const E2E_KUBECONFIG = path.resolve('.sim/e2e/kubeconfig');

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'local', testIgnore: /(shared-mode|shared-clusters|csr-decisions-last)\.spec\.ts/ },
    // decides the demo's hostile CSRs for good, which the other specs show pending: after all of them
    { name: 'after-local', testMatch: /csr-decisions-last\.spec\.ts/, dependencies: ['local'] },
    {
      name: 'shared',
      testMatch: /shared-(mode|clusters)\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${sharedPort}` },
    },
  ],
  // Started in order: the shared-mode server reads the kubeconfig the first one's sim has written.
  webServer: [
    {
      command: `npx tsx scripts/demo.ts --prod --skip-build --kubeconfig ${E2E_KUBECONFIG}`,
      url: `http://127.0.0.1:${port}/healthz`,
      // A short fleet refresh so cluster changes the tests make (metrics-server off) show within seconds.
      env: { PORT: String(port), HOST: '127.0.0.1', KD_FLEET_REFRESH_MS: '2000' },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `npx next start --keepAliveTimeout ${SERVER_KEEP_ALIVE_MS} --hostname 127.0.0.1 --port ${sharedPort}`,
      url: `http://127.0.0.1:${sharedPort}/readyz`,
      env: {
        KUBECONFIG: E2E_KUBECONFIG,
        KD_AUTH_MODE: 'shared',
        // A fixed test-only key; a real deployment takes it from a Secret (docs/deploy.md).
        KD_SESSION_SECRET: 'e2e-only-session-secret-0123456789abcdef',
        // The clusters users may add to their session (e2e/shared-clusters.spec.ts): only the file's `clusters:` are
        // read, so the sim's kubeconfig serves as the list (its own cluster, `sim`, is skipped as the home cluster).
        KD_SHARED_CLUSTERS_FILE: E2E_KUBECONFIG,
        KD_PROBE_PORT: String(E2E_PROBE_PORT),
        NEXT_TELEMETRY_DISABLED: '1',
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});

import { DEMO_CLUSTER_NODES, DEMO_CLUSTER_VERSIONS, DEMO_CONTEXTS, ACK_FLOOD } from '../sim/fleet/demo-clusters';
import { expect, test } from './fixtures';

/**
 * The fleet overview (/clusters) on the demo's three simulated clusters and its two contexts broken on purpose
 * (sim/server/demo-clusters.ts): an API server nothing listens on, and credentials the kubeasz cluster rejects.
 */

const row = (page: import('@playwright/test').Page, context: string) => page.getByTestId(`cluster-row-${context}`);
const ALL = Object.values(DEMO_CONTEXTS);

test('the overview shows every context, the broken ones with their cause, each figure linking into its cluster', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/nodes');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clusters' }).click();
  await expect(page).toHaveURL(/\/clusters$/);
  await expect(page.getByRole('heading', { name: 'Clusters' })).toBeVisible();
  for (const c of ALL) await expect(row(page, c)).toBeVisible();

  const kubeasz = row(page, DEMO_CONTEXTS.kubeasz);
  await expect(kubeasz.getByTestId('cluster-version')).toHaveText(DEMO_CLUSTER_VERSIONS.kubeasz);
  await expect(kubeasz.getByTestId('cluster-nodes')).toHaveText('7 / 1 NotReady / 1 under pressure');
  // the node under DiskPressure is the closest to evicting; its kubelet config differs from the pool's
  await expect(kubeasz.getByTestId('cluster-headroom')).toContainText(DEMO_CLUSTER_NODES.kubeasz.diskPressure);
  await expect(kubeasz.getByTestId('cluster-variants')).toContainText(/[2-9] variants/);
  await expect(kubeasz.getByTestId('cluster-variants')).toContainText('of 6 configs read (7 nodes)');

  const ack = row(page, DEMO_CONTEXTS.ack);
  await expect(ack.getByTestId('cluster-version')).toHaveText(DEMO_CLUSTER_VERSIONS.ack);
  await expect(ack.getByTestId('cluster-csrs')).toContainText(/\d+ pending/);
  const csrText = (await ack.getByTestId('cluster-csrs').innerText()).replace(/\s+/g, ' ');
  const [, pending, pass, fail] = /(\d+) pending (\d+) pass · (\d+) fail checks/.exec(csrText) ?? [];
  expect(Number(pending)).toBeGreaterThanOrEqual(ACK_FLOOD.pending);
  expect(Number(fail)).toBeGreaterThanOrEqual(ACK_FLOOD.hostile);
  expect(Number(pass) + Number(fail)).toBe(Number(pending));

  await expect(row(page, DEMO_CONTEXTS.unreachable)).toHaveAttribute('data-state', 'unreachable');
  await expect(row(page, DEMO_CONTEXTS.unreachable).getByTestId('cluster-problem')).toContainText(
    /Unreachable.*connection refused/s,
  );
  await expect(row(page, DEMO_CONTEXTS.badCredentials)).toHaveAttribute('data-state', 'auth');
  await expect(row(page, DEMO_CONTEXTS.badCredentials).getByTestId('cluster-problem')).toContainText(
    /Credentials rejected.*rejected the credentials/s,
  );
  await expect(page.getByTestId('overview-status')).toContainText(`${ALL.length} contexts`);

  // a figure of another cluster opens that cluster's page: the context switches, the node page is kubeasz's
  await kubeasz.getByTestId('cluster-headroom').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/nodes/${DEMO_CLUSTER_NODES.kubeasz.diskPressure.replaceAll('.', '\\.')}$`));
  await expect(page.getByRole('combobox', { name: 'Context' })).toHaveValue(DEMO_CONTEXTS.kubeasz);
  await expect(page.getByRole('heading', { name: DEMO_CLUSTER_NODES.kubeasz.diskPressure })).toBeVisible();
});

test('the included contexts are in the URL and can be saved as the default', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/clusters');
  await expect(page.locator('[data-hydrated]')).toBeVisible();
  await expect(page.getByTestId('selection-source')).toHaveText('every context');
  // the selection lives in the URL: a checkbox shows its new state once the URL has it
  for (const name of [DEMO_CONTEXTS.unreachable, DEMO_CONTEXTS.badCredentials]) {
    await page.getByRole('checkbox', { name }).click();
    await expect(page.getByRole('checkbox', { name })).not.toBeChecked();
  }
  await expect(page).toHaveURL(/contexts=sim-admin%2Csim-viewer%2Ckubeasz-idc%2Cack-hangzhou$/);
  await expect(row(page, DEMO_CONTEXTS.unreachable)).toHaveCount(0);
  await expect(row(page, DEMO_CONTEXTS.ack).getByTestId('cluster-version')).toHaveText(DEMO_CLUSTER_VERSIONS.ack);

  await page.getByRole('button', { name: 'Save as default' }).click();
  await page.goto('/clusters');
  await expect(page.getByTestId('selection-source')).toHaveText('saved selection');
  await expect(row(page, DEMO_CONTEXTS.kubeasz)).toBeVisible();
  await expect(row(page, DEMO_CONTEXTS.badCredentials)).toHaveCount(0);
});

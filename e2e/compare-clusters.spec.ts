import { readFile } from 'node:fs/promises';
import { DEMO_CLUSTER_NODES, DEMO_CONTEXTS } from '../sim/fleet/demo-clusters';
import { expect, test } from './fixtures';

/**
 * /compare across clusters (lib/server/compare-clusters.ts) on the demo's clusters: every node reference names
 * its context, a context whose credentials fail is reported without failing the rest, the baseline ConfigMap
 * comes from the chosen context, and exports carry the context.
 */
const [w1] = DEMO_CLUSTER_NODES.kubeasz.workers;
const reserved = DEMO_CLUSTER_NODES.kubeasz.driftSystemReserved;
const refs = ['sim-admin/k8s-worker-1', `${DEMO_CONTEXTS.kubeasz}/${w1}`, `${DEMO_CONTEXTS.kubeasz}/${reserved}`];
const url = `/compare?clusters=${[DEMO_CONTEXTS.primary, DEMO_CONTEXTS.kubeasz, DEMO_CONTEXTS.badCredentials].join(',')}&nodes=k8s-worker-1,${refs.slice(1).join(',')}`;

test('nodes of several clusters side by side, each named with its cluster; a broken context is named', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(url);
  const table = page.getByRole('table', { name: 'Config differences' });
  for (const ref of refs) await expect(table.getByRole('columnheader').filter({ hasText: ref })).toHaveCount(1);
  // the kubeasz node with SYS_RESERVED_ENABLED differs from its pool in systemReserved
  await expect(table.locator('tbody tr[data-key^="systemReserved"]').first()).toBeVisible();
  await expect(page.getByTestId('cluster-errors')).toContainText(
    `${DEMO_CONTEXTS.badCredentials}: not compared (Unauthorized)`,
  );

  const baseline = page.locator('section[aria-labelledby="baseline-title"]');
  await expect(baseline).toContainText(`${DEMO_CONTEXTS.primary}: kube-system/kubelet-config`);
  await page.getByLabel('Baseline ConfigMap from').selectOption(DEMO_CONTEXTS.kubeasz);
  await expect(page).toHaveURL(/baselineContext=kubeasz-idc/);
  await expect(baseline).toContainText('No kubeadm kubelet ConfigMap');
});

test('exports of a cross-cluster comparison name the context of every node', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(url);
  await expect(page.getByRole('table', { name: 'Config differences' })).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()]);
  // the CSV holds one table per section (baseline findings, differences, unreadable nodes): find the differences' header
  const lines = (await readFile((await csv.path()) as string, 'utf8')).split(/\r?\n/);
  const header = lines.find((l) => l.startsWith('key,'))?.split(',');
  expect(header).toEqual(expect.arrayContaining(refs));
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Markdown' }).click()]);
  const text = await readFile((await md.path()) as string, 'utf8');
  expect(text).toContain(`${DEMO_CONTEXTS.primary}, ${DEMO_CONTEXTS.kubeasz}`);
  for (const ref of refs) expect(text).toContain(ref);

  // by variant, a column ("A (2 nodes)") is traced to its nodes in the variants section, each <context>/<node>
  const byVariant = await page.request.get(
    `/api/compare?clusters=${DEMO_CONTEXTS.primary},${DEMO_CONTEXTS.kubeasz}&nodes=k8s-worker-1,${refs.slice(1).join(',')}&by=variant&format=csv`,
  );
  const [variants] = (await byVariant.text()).split('\r\n\r\n').filter((s) => s.startsWith('Fleet variants'));
  const members = (variants ?? '')
    .split('\r\n')
    .slice(2)
    .filter(Boolean)
    .flatMap((row) => row.split(',')[1]!.split(' '));
  expect(members.sort()).toEqual([...refs].sort());
});

test('the cluster checkboxes add a context to the comparison', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/compare?nodes=k8s-worker-1,k8s-worker-2');
  await expect(page.getByRole('heading', { name: /Fleet variants/ })).toBeVisible();
  const scope = page.getByTestId('cluster-scope');
  await expect(scope.getByRole('checkbox', { name: DEMO_CONTEXTS.primary })).toBeDisabled();
  await scope.getByRole('checkbox', { name: DEMO_CONTEXTS.ack }).click();
  await expect(page).toHaveURL(/clusters=sim-admin%2Cack-hangzhou/);
  // with several clusters every node is named with its context (the ACK cluster's nodes among them)
  await expect(page.getByText(`${DEMO_CONTEXTS.ack}/${DEMO_CLUSTER_NODES.ack[0]}`).first()).toBeVisible({
    timeout: 45_000,
  });
});

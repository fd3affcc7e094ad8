import { DEMO_CSRS, DEMO_NODES, DEMO_VERSIONS } from '../sim/fleet/demo-layout';
import { expect, test } from './fixtures';

/**
 * Explanations that hold on real fleets (issue 15), against the demo sim: kubelets of two versions running the
 * same config file, managed reservation models, kubelets that cannot be read, the kubelet's eviction order on a
 * DiskPressure node, hints that name the kubelet, and who approved a CSR.
 */

const kubeletRead = (node: string, status: number) =>
  new RegExp(`status of ${status} .*/api/nodes/${node.replace(/\./g, '\\.')}/(configz|summary)\\)$`);

test('two kubelet versions running the same config file are one configuration that differs only by version', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const [w1] = DEMO_NODES.kubeadmClean;
  await page.goto(`/compare?nodes=${w1},${DEMO_NODES.oldKubelet}&baseline=none`);
  await expect(page.getByTestId('no-drift')).toContainText('No drift');
  const card = page.locator('section[aria-labelledby="variants-title"] li[data-variant]');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('variant-version-only')).toContainText(
    `Same configuration on ${DEMO_VERSIONS.kubeadmOld} and ${DEMO_VERSIONS.current}`,
  );
  await expect(card).not.toContainText('outlier');
  const versionOnly = page.getByTestId('version-only-keys');
  await versionOnly.locator('summary').click();
  const rows = versionOnly.locator('tbody tr');
  await expect(rows.filter({ hasText: 'failCgroupV1' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'podLogsDir' })).toHaveCount(1);
});

test('the EKS node names the EKS reservation model its kubeReserved follows', async ({ page }) => {
  await page.goto(`/nodes/${DEMO_NODES.eks[0]}`);
  const findings = page.getByTestId('budget-findings');
  await expect(findings).toContainText('EKS (amazon-eks-ami) reservation model');
  await expect(findings).toContainText('11 MiB × 29 max pods + 255 MiB');
  await expect(page.getByTestId('budget-memory')).toContainText('matches what the node reports');
});

test('an unreadable kubelet still shows capacity and reported allocatable, reservations unknown and why', async ({
  page,
  consoleErrors,
}) => {
  const node = DEMO_NODES.unreachable;
  consoleErrors.allow(kubeletRead(node, 502));
  await page.goto(`/nodes/${node}`);
  const budget = page.getByTestId('panel-budget');
  await expect(budget.getByRole('alert')).toContainText('Reservations unknown', { timeout: 45_000 });
  const memory = page.getByTestId('budget-memory');
  await expect(memory).not.toHaveAttribute('data-reported', '');
  await expect(memory).toContainText('held back by kubeReserved, systemReserved and hard eviction together');
  await expect(memory).toContainText('unknown');
  // capacity − allocatable on this EKS node is the EKS formula plus its 100 MiB eviction threshold
  await expect(page.getByTestId('budget-findings')).toContainText('EKS (amazon-eks-ami)');
  await expect(page.getByTestId('budget-findings')).toContainText('11 MiB × 58 max pods + 255 MiB');
});

test('a kubelet that does not serve /configz is said so, not "the object may have been removed"', async ({
  page,
  consoleErrors,
}) => {
  const node = DEMO_NODES.noConfigz;
  consoleErrors.allow(kubeletRead(node, 404));
  await page.goto(`/nodes/${node}`);
  const config = page.getByTestId('panel-config').getByRole('alert');
  await expect(config).toContainText('does not serve /configz', { timeout: 45_000 });
  await expect(config).toContainText('enableDebuggingHandlers');
  await expect(config).not.toContainText('may have been removed');
  await expect(page.getByTestId('budget-cpu')).toContainText('Reservations unknown');
});

test("the forbidden kubelet's hint names the identity it refused and its webhook authorization", async ({
  page,
  consoleErrors,
}) => {
  const node = DEMO_NODES.forbidden;
  consoleErrors.allow(kubeletRead(node, 403));
  await page.goto(`/nodes/${node}`);
  const config = page.getByTestId('panel-config').getByRole('alert');
  await expect(config).toContainText('"kube-apiserver-kubelet-client"', { timeout: 45_000 });
  await expect(config).toContainText('webhook authorization');
});

test('the DiskPressure node ranks pods by local storage and never lists critical pods as victims', async ({ page }) => {
  await page.goto(`/nodes/${DEMO_NODES.diskPressure}`);
  const order = page.getByTestId('eviction-order');
  await expect(order).toHaveAttribute('data-signal', /^(nodefs|imagefs|containerfs)\./, { timeout: 30_000 });
  await expect(order).toContainText('Local ephemeral storage');
  const first = order.getByTestId('eviction-ranking').locator('tbody tr').first();
  await expect(first).toContainText('GiB'); // the log-heavy pod, 6 GiB of logs
  await expect(order.getByTestId('eviction-protected')).toContainText('Never evicted by the kubelet');
  for (const row of await order.getByTestId('eviction-ranking').locator('tbody tr').allTextContents())
    expect(row).not.toMatch(/2000001000|2000000000/);
});

test('CSRs name their approver, flag an expired certificate and a bootstrap request for a registered node', async ({
  page,
}) => {
  await page.goto('/csrs');
  await expect(page.getByTestId('csr-table')).toBeVisible();
  const row = (name: string) => page.locator(`tr[data-csr="${name}"]`);
  await expect(row(DEMO_CSRS.eksApproved)).toContainText('EKS certificate controller (eks:certificate-controller)');
  await expect(row(DEMO_CSRS.eksApproved)).not.toContainText('kube-controller-manager');
  await expect(row(DEMO_CSRS.autoApproved)).toContainText('kube-controller-manager csrapproving controller');
  await expect(row(DEMO_CSRS.expiredIssued).getByTestId('cert-expired')).toBeVisible();

  await page.goto(`/csrs/${DEMO_CSRS.hostileBootstrapExisting}`);
  const check = page.locator('[data-check="bootstrap-new-node"]');
  await expect(check).toHaveAttribute('data-passed', 'false');
  await expect(check).toContainText(`Node ${DEMO_NODES.memoryPressure} is already registered`);
});

test('a read-only user sees how many CSRs pass and why bulk approval is disabled', async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([{ name: 'kd-context', value: 'sim-viewer', url: baseURL ?? 'http://127.0.0.1' }]);
  await page.goto('/csrs');
  await expect(page.getByTestId('csr-table')).toBeVisible();
  const button = page.getByTestId('bulk-approve-open');
  await expect(button).toBeDisabled();
  await expect(button).toHaveText(/Approve all passing \([1-9]\d*\)/);
  await expect(page.getByTestId('bulk-approve-blocker')).toContainText('pass every check, but you may not approve');
  await context.clearCookies();
});

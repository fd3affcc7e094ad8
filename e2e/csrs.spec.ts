import type { Page } from '@playwright/test';
import { DEMO_CSRS, DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, kubectl, test } from './fixtures';

/**
 * CSR review against the demo sim: the verdict for good and hostile requests, approve and deny written through
 * the /approval subresource (checked with kubectl), the bulk preview leaving failing CSRs out, a viewer's
 * disabled buttons, and a CSR changed between review and click reported as a conflict, not overwritten.
 */

interface KubectlCsr {
  metadata: { resourceVersion: string };
  status?: { conditions?: Array<{ type: string; status: string; reason?: string; message?: string }> };
}
const getCsr = async (name: string) => JSON.parse(await kubectl(['get', 'csr', name, '-o', 'json'])) as KubectlCsr;

async function openCsr(page: Page, name: string) {
  await page.goto(`/csrs/${name}`);
  await expect(page.getByTestId('csr-checks')).toBeVisible();
}

test('approving a good serving CSR shows Approved in the page and in kubectl', async ({ page }) => {
  await openCsr(page, DEMO_CSRS.goodServing);
  await expect(page.getByTestId('csr-verdict')).toHaveText(/All \d+ checks pass/);
  await page.getByTestId('csr-approve').click();
  await expect(page.getByTestId('csr-state').first()).toContainText('Approved');

  // the page changes at once (optimistic); the write itself is confirmed by the cluster
  await expect.poll(() => kubectl(['get', 'csr', DEMO_CSRS.goodServing]), { timeout: 30_000 }).toMatch(/Approved/);
  await expect(page.getByTestId('csr-decider')).toContainText('kubelet-dashboard');
  const approved = (await getCsr(DEMO_CSRS.goodServing)).status?.conditions?.find((c) => c.type === 'Approved');
  expect(approved?.reason).toBe('KubeletDashboardApprove');
  expect(approved?.message).toMatch(
    /^Approved by .+ via kubelet-dashboard \(context sim-admin\) after \d+\/\d+ checks passed/,
  );
});

test("a CSR naming another node's IP shows the failing check and is left out of the bulk preview", async ({ page }) => {
  await openCsr(page, DEMO_CSRS.hostileOtherNodeIp);
  const check = page.locator('[data-check="sans-match-node"]');
  await expect(check).toHaveAttribute('data-passed', 'false');
  await expect(check).toContainText(`belongs to node ${DEMO_NODES.kubeadmClean[0]}`);
  await expect(page.getByTestId('csr-approve')).toBeDisabled();
  await expect(page.getByTestId('csr-approve-why')).toContainText('approval is refused');

  await page.goto('/csrs');
  await expect(page.getByTestId('csr-table')).toBeVisible();
  await page.getByTestId('bulk-approve-open').click();
  const preview = page.getByTestId('bulk-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator(`[data-csr="${DEMO_CSRS.goodServing2}"]`)).toBeVisible();
  for (const hostile of [
    DEMO_CSRS.hostileOtherNodeIp,
    DEMO_CSRS.hostileOutsideDns,
    DEMO_CSRS.hostileCnMismatch,
    DEMO_CSRS.hostileClientUsage,
    DEMO_CSRS.hostileInvalidRequest,
    DEMO_CSRS.otherSigner,
  ])
    await expect(preview.locator(`[data-csr="${hostile}"]`)).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
});

test('the sim-viewer context sees disabled buttons that say why', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'kd-context', value: 'sim-viewer', url: baseURL ?? 'http://127.0.0.1' }]);
  await openCsr(page, DEMO_CSRS.goodServing2);
  await expect(page.getByTestId('csr-approve')).toBeDisabled();
  await expect(page.getByTestId('csr-approve-why')).toContainText('Not allowed');
  await expect(page.getByTestId('csr-approve-why')).toContainText('certificatesigningrequests/approval');
  await expect(page.getByTestId('csr-deny')).toBeDisabled();

  await page.goto('/csrs');
  await expect(page.getByTestId('csr-table')).toBeVisible();
  await expect(page.getByTestId('bulk-approve-open')).toBeDisabled();
  await expect(page.getByRole('button', { name: `Approve ${DEMO_CSRS.goodServing2}` })).toBeDisabled();
  await context.clearCookies();
});

test('denying records the reason in the CSR', async ({ page }) => {
  await openCsr(page, DEMO_CSRS.hostileOutsideDns);
  await expect(page.getByTestId('csr-deny')).toBeDisabled(); // a reason is required
  await page.getByLabel('Reason for denying').fill('asks for kubernetes.default.svc and an outside name');
  await page.getByTestId('csr-deny').click();
  await expect(page.getByTestId('csr-state').first()).toContainText('Denied');

  await expect.poll(() => kubectl(['get', 'csr', DEMO_CSRS.hostileOutsideDns]), { timeout: 30_000 }).toMatch(/Denied/);
  const denied = (await getCsr(DEMO_CSRS.hostileOutsideDns)).status?.conditions?.find((c) => c.type === 'Denied');
  expect(denied?.reason).toBe('KubeletDashboardDeny');
  expect(denied?.message).toContain('asks for kubernetes.default.svc and an outside name');
  await expect(page.getByTestId('csr-decider')).toContainText('kubelet-dashboard');
});

test('a CSR changed between review and click is reported as a conflict, not overwritten', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of 409 \(Conflict\) \(.*\/api\/csrs\/csr-r2n8w\/approve\)$/);
  await openCsr(page, DEMO_CSRS.goodClientRenewal);
  const before = (await getCsr(DEMO_CSRS.goodClientRenewal)).metadata.resourceVersion;
  await kubectl([
    'annotate',
    'csr',
    DEMO_CSRS.goodClientRenewal,
    `e2e.kubelet-dashboard/touched=${Date.now()}`,
    '--overwrite',
  ]);
  expect((await getCsr(DEMO_CSRS.goodClientRenewal)).metadata.resourceVersion).not.toBe(before);

  await page.getByTestId('csr-approve').click();
  const error = page.getByTestId('csr-decision-error');
  await expect(error).toContainText('Conflict');
  await expect(error).toContainText('changed since you reviewed it');
  const conditions = (await getCsr(DEMO_CSRS.goodClientRenewal)).status?.conditions ?? [];
  expect(conditions.some((c) => c.type === 'Approved')).toBe(false);
});

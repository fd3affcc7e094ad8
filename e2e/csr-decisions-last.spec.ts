import { DEMO_CSRS } from '../sim/fleet/demo-layout';
import { expect, kubectl, test } from './fixtures';

/**
 * Issue 16 item 10: "deny all failing" with a reason, a preview and per-CSR progress, and the typed-confirmation
 * override of a failing CSR. These decide the demo's hostile CSRs for good, which other specs show pending, so this
 * file runs in its own project after all of them (playwright.config.ts, project `after-local`).
 */

interface KubectlCsr {
  status?: { conditions?: Array<{ type: string; reason?: string; message?: string }> };
}
const condition = async (name: string, type: string) =>
  (JSON.parse(await kubectl(['get', 'csr', name, '-o', 'json'])) as KubectlCsr).status?.conditions?.find(
    (c) => c.type === type,
  );

test('a failing CSR is approved only after typing its name, naming the checks it overrides', async ({ page }) => {
  await page.goto(`/csrs/${DEMO_CSRS.hostileClientUsage}`);
  await expect(page.getByTestId('csr-approve')).toBeDisabled();
  await page.getByText(/Approve anyway, overriding \d+ failing check/).click();
  await expect(page.getByTestId('csr-override-checks')).toContainText('usage');
  const approve = page.getByTestId('csr-override-approve');
  await expect(approve).toBeDisabled();
  await page.getByLabel(`Type ${DEMO_CSRS.hostileClientUsage} to confirm`).fill('csr-wrong');
  await expect(approve).toBeDisabled();
  await page.getByLabel(`Type ${DEMO_CSRS.hostileClientUsage} to confirm`).fill(DEMO_CSRS.hostileClientUsage);
  await approve.click();
  await expect(page.getByTestId('csr-state').first()).toContainText('Approved');
  await expect
    .poll(async () => (await condition(DEMO_CSRS.hostileClientUsage, 'Approved'))?.message ?? '', { timeout: 30_000 })
    .toMatch(/override: approved despite failing .*usage/i);
});

test('"deny all failing" previews the failing CSRs, needs a reason, and shows each CSR’s result', async ({ page }) => {
  await page.goto('/csrs');
  await expect(page.getByTestId('csr-table')).toBeVisible();
  await page.getByTestId('bulk-deny-open').click();
  const preview = page.getByTestId('bulk-deny-preview');
  await expect(preview.locator(`[data-csr="${DEMO_CSRS.hostileOtherNodeIp}"]`)).toContainText('SANs');
  await expect(preview.locator(`[data-csr="${DEMO_CSRS.hostileCnMismatch}"]`)).toBeVisible();
  // passing CSRs and the other signer's (its common checks pass) are never in it
  for (const passing of [DEMO_CSRS.goodServing2, DEMO_CSRS.otherSigner])
    await expect(preview.locator(`[data-csr="${passing}"]`)).toHaveCount(0);
  const names = await preview.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-csr')));

  const confirm = page.getByTestId('bulk-deny-confirm');
  await expect(confirm).toBeDisabled(); // a reason is required
  await page.getByLabel('Reason for denying (recorded in every CSR)').fill('hostile SANs, see issue 16');
  await confirm.click();

  const results = page.getByTestId('bulk-deny-results');
  await expect(page.getByTestId('bulk-progress')).toHaveText(`${names.length} of ${names.length} done`);
  for (const name of names) await expect(results.locator(`[data-csr="${name}"]`)).toContainText('Denied');
  await expect(page.getByTestId('bulk-summary')).toContainText(`${names.length} denied, 0 refused, 0 failed`);
  const denied = await condition(DEMO_CSRS.hostileOtherNodeIp, 'Denied');
  expect(denied?.reason).toBe('KubeletDashboardDeny');
  expect(denied?.message).toContain('hostile SANs, see issue 16');
  expect(await condition(DEMO_CSRS.goodServing2, 'Denied')).toBeUndefined();
});

import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, kubectl, test } from './fixtures';

/**
 * The node detail page against the demo sim: the budget adds up to what the node reports, the memory-pressure
 * node shows memory.available below its threshold, non-default fields are marked, broken kubelets fail only
 * their panels, and the downloaded config.yaml parses back to configz.
 */

const kubeadmNode = DEMO_NODES.kubeadmClean[0];

test('a kubeadm node’s budget adds up to its reported allocatable', async ({ page }) => {
  await page.goto(`/nodes/${kubeadmNode}`);
  for (const resource of ['cpu', 'memory', 'ephemeral-storage']) {
    const row = page.getByTestId(`budget-${resource}`);
    await expect(row).toHaveAttribute('data-computed', /^\d+$/);
    const computed = await row.getAttribute('data-computed');
    await expect(row).toHaveAttribute('data-reported', computed ?? 'missing');
  }
  // and the reported number is the apiserver's own
  const node = JSON.parse(await kubectl(['get', 'node', kubeadmNode, '-o', 'json'])) as {
    status: { allocatable: { cpu: string } };
  };
  const cpu = node.status.allocatable.cpu;
  const millis = cpu.endsWith('m') ? cpu.slice(0, -1) : String(Number(cpu) * 1000);
  await expect(page.getByTestId('budget-cpu')).toHaveAttribute('data-reported', millis);
});

test('the node under memory pressure shows memory.available below its threshold', async ({ page }) => {
  await page.goto(`/nodes/${DEMO_NODES.memoryPressure}`);
  const row = page.getByTestId('signal-memory.available-hard');
  await expect(row).toHaveAttribute('data-met', 'true');
  await expect(row).toContainText('below by');
  await expect(page.getByTestId('condition-MemoryPressure')).toContainText('True');
  await expect(page.getByTestId('signal-chart')).toBeVisible();
  await expect(page.getByTestId('eviction-ranking').locator('tbody tr').first()).toBeVisible();
});

test('a non-default field is marked', async ({ page }) => {
  await page.goto(`/nodes/${kubeadmNode}`);
  // kubeadm writes cgroupDriver: systemd; the kubelet default is cgroupfs
  const row = page.getByTestId('config-row-cgroupDriver');
  await expect(row).toHaveAttribute('data-differs', 'true');
  await expect(row).toContainText('changed');
  await expect(row).toContainText('--cgroup-driver');
  await expect(
    page.getByTestId('config-row-maxPods').or(page.getByTestId('config-row-syncFrequency')).first(),
  ).toBeVisible();
});

for (const [label, node, text] of [
  ['unreachable', DEMO_NODES.unreachable, /unreachable|could not reach|dial|connect/i],
  ['forbidden', DEMO_NODES.forbidden, /Forbidden|Permission denied/],
] as const) {
  test(`the ${label} node shows its panel errors while the header still renders`, async ({ page, consoleErrors }) => {
    // the browser logs the kubelet reads' 502/403 answers; those are the point of this test
    consoleErrors.allow(
      new RegExp(`status of (502|403) .*/api/nodes/${node.replace(/\./g, '\\.')}/(configz|summary)\\)$`),
    );
    await page.goto(`/nodes/${node}`);
    await expect(page.getByTestId('node-header')).toContainText(node);
    await expect(page.getByTestId('node-conditions')).toBeVisible();
    const config = page.getByTestId('panel-config').getByRole('alert');
    await expect(config).toBeVisible({ timeout: 45_000 });
    await expect(config).toContainText(text);
    await expect(config).toContainText('Needs:');
    await expect(page.getByTestId('panel-budget').getByRole('alert')).toBeVisible();
  });
}

test('the config downloads as YAML that parses back to the same values', async ({ page, request }) => {
  await page.goto(`/nodes/${kubeadmNode}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-config').click()]);
  expect(download.suggestedFilename()).toMatch(/config\.yaml$/);
  const text = await readFile((await download.path()) ?? '', 'utf8');
  const parsed = parseYaml(text) as Record<string, unknown>;
  expect(parsed.apiVersion).toBe('kubelet.config.k8s.io/v1beta1');
  expect(parsed.kind).toBe('KubeletConfiguration');
  const configz = (await (await request.get(`/api/nodes/${kubeadmNode}/configz`)).json()) as {
    kubeletconfig: Record<string, unknown>;
  };
  const { apiVersion: _a, kind: _k, ...rest } = parsed;
  expect(rest).toEqual(configz.kubeletconfig);
});

import { DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, test } from './fixtures';

/**
 * Config provenance against the demo sim: k8s-worker-3's configz has maxPods 64 (ConfigMap says 32). Pasting
 * the drop-in that sets --max-pods through KUBELET_EXTRA_ARGS explains it, and a dockershim-era flag in the
 * same drop-in is reported as one the node's kubelet would refuse.
 */
const node = DEMO_NODES.driftMaxPods;
const dropInPath = '/etc/systemd/system/kubelet.service.d/20-extra-args.conf';
const dropIn = `[Service]
Environment="KUBELET_EXTRA_ARGS=--max-pods=64 --network-plugin=cni"
ExecStart=
ExecStart=/usr/bin/kubelet --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml $KUBELET_EXTRA_ARGS
`;

test('a pasted drop-in explains maxPods and flags a removed flag', async ({ page }) => {
  await page.goto(`/nodes/${node}/explain`);
  await expect(page.getByText('Nothing you paste is stored on the server or leaves this dashboard')).toBeVisible();

  const editor = page.getByRole('group', { name: '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf' });
  await editor.getByLabel('Path on the node').fill(dropInPath);
  await page.getByLabel(`Contents of ${dropInPath}`).fill(dropIn);
  await page.getByRole('button', { name: 'Explain', exact: true }).click();

  const maxPods = page.getByRole('table', { name: 'Field provenance' }).locator('tr[data-field="maxPods"]');
  await expect(maxPods).toContainText('64');
  await expect(maxPods).toContainText('flag: --max-pods from KUBELET_EXTRA_ARGS');
  await expect(maxPods).toContainText(dropInPath);
  await expect(maxPods).toContainText('explained');
  // the ConfigMap's 32 is what the flag overrode
  await expect(maxPods).toContainText('32 from ConfigMap kube-system/kubelet-config');

  const warnings = page.getByRole('list', { name: 'Warnings' });
  await expect(
    warnings.getByRole('listitem').filter({ hasText: '--network-plugin was removed in 1.24' }),
  ).toContainText('refuses to start');

  await expect(page.getByRole('table', { name: 'Flags' }).getByRole('row', { name: /--kubeconfig/ })).toContainText(
    'no config field',
  );
});

test('the explain endpoint refuses cross-origin posts', async ({ request }) => {
  const res = await request.post(`/api/nodes/${node}/explain`, {
    headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
    data: { inputs: [{ kind: 'auto', path: 'x', content: '--max-pods=1' }] },
  });
  expect(res.status()).toBe(403);
});

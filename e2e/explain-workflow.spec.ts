import { DEMO_NODES } from '../sim/fleet/demo-layout';
import { expect, test } from './fixtures';
import { expectFitsWidth } from './layout';

/**
 * Issue 16 item 9 on the Explain page: the ConfigMap option defaults from the node's evidence, pasted files stay
 * for the tab across Back, the usual files are one choice away, and live config that differs from the pasted
 * files brings the usual cause with what would tell.
 */

test('the ConfigMap option follows the node: on for a kubeadm node, off for an ACK one, saying why', async ({
  page,
}) => {
  await page.goto(`/nodes/${DEMO_NODES.ack[0]}/explain`);
  await expect(page.getByTestId('use-configmap')).not.toBeChecked();
  await expect(page.getByTestId('use-configmap-evidence')).toContainText(
    'no kubeadm.alpha.kubernetes.io/cri-socket annotation',
  );
  await page.goto(`/nodes/${DEMO_NODES.driftMaxPods}/explain`);
  await expect(page.getByTestId('use-configmap')).toBeChecked();
  await expect(page.getByTestId('use-configmap-evidence')).toContainText('Ticked by default');
});

test('pasted files survive Back, the usual files are offered, and a stale kubelet is suggested', async ({ page }) => {
  const node = DEMO_NODES.driftMaxPods;
  await page.goto(`/nodes/${node}/explain`);
  await page.getByTestId('add-usual-file').selectOption('/var/lib/kubelet/kubeadm-flags.env');
  const flagsEnv = page.getByLabel('Contents of /var/lib/kubelet/kubeadm-flags.env');
  await expect(flagsEnv).toBeVisible();
  await flagsEnv.fill('KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///run/containerd/containerd.sock"');
  const config = page.getByLabel('Contents of /var/lib/kubelet/config.yaml');
  await config.fill('apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmaxPods: 32\n');

  // away to the node page and Back: nothing is lost (sessionStorage, this tab only)
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: node }).click();
  await expect(page).toHaveURL(new RegExp(`/nodes/${node}$`));
  await page.goBack();
  await expect(page.getByLabel('Contents of /var/lib/kubelet/config.yaml')).toHaveValue(/maxPods: 32/);
  await expect(page.getByLabel('Contents of /var/lib/kubelet/kubeadm-flags.env')).toHaveValue(/containerd\.sock/);
  // an option already in the form is not offered twice
  await expect(
    page.getByTestId('add-usual-file').locator('option[value="/var/lib/kubelet/kubeadm-flags.env"]'),
  ).toHaveCount(0);

  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  const hint = page.getByTestId('restart-hint');
  await expect(hint).toContainText('maxPods');
  await expect(hint).toContainText('The usual cause: the files changed after the kubelet last started');
  await expect(hint).toContainText('systemctl show kubelet -p ActiveEnterTimestamp');
});

test.describe('at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the form, its controls and the answer fit the width: no sideways scrolling', async ({ page }) => {
    const node = DEMO_NODES.driftMaxPods;
    await page.goto(`/nodes/${node}/explain`);
    const config = page.getByLabel('Contents of /var/lib/kubelet/config.yaml');
    await expect(config).toBeVisible();
    await expect(page.getByTestId('use-configmap')).toBeChecked();
    const explain = page.getByRole('button', { name: 'Explain', exact: true });
    await expectFitsWidth(page, [
      page.getByRole('heading', { level: 1 }),
      page.getByTestId('add-usual-file'),
      page.getByTestId('use-configmap'),
      page.getByTestId('use-configmap-evidence'),
      config,
      explain,
    ]);

    await config.fill('apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmaxPods: 32\n');
    await explain.click();
    const hint = page.getByTestId('restart-hint');
    await expect(hint).toContainText('maxPods');
    await expectFitsWidth(page, [hint, explain]);
  });
});
